// Parts of a screen that its first paint can do without (a select's dropdown, a row's menu, the
// toasts) load after it, so the screen's JavaScript stays small (issue 9; docs/web.md "Measured").
// `preload()` starts the download early — a route's loader calls it, so the part arrives while
// the screen's data is on its way — and the component renders it once it is there. Until then the
// caller shows a stand-in of the same look inside its own <Suspense>.
import { lazy, type ComponentType } from "react";

export type Preloadable<P> = ComponentType<P> & { preload(): Promise<unknown> };

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined; // a failed download is tried again by the next render
        throw error;
      },
    ));
  return Object.assign(lazy(preload), { preload });
}

/** starts the downloads of a screen's later parts; a failure shows when the part renders */
export function preloadParts(...parts: { preload(): Promise<unknown> }[]): void {
  for (const part of parts) part.preload().catch(() => undefined);
}

// Each area of the app declares its routes and its navigation entries in routes/<area>/routes.tsx;
// the router and the navigation collect them, so an area is added without touching this file.
import type { ComponentType } from "react";
import type { RouteObject } from "react-router";

import type { Viewer } from "./session.tsx";

export interface NavEntry {
  to: string;
  /** i18n key, "namespace:key" */
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** position in the navigation, smaller first */
  order: number;
  /** shown only to the roles that may use it */
  visible(viewer: Viewer): boolean;
}

export interface AreaRoutes {
  /** routes inside the signed-in layout */
  routes?: RouteObject[];
  /** routes outside it (sign-in, invitation, password reset) */
  publicRoutes?: RouteObject[];
  nav?: NavEntry[];
}

const modules = import.meta.glob<{ area: AreaRoutes }>("../routes/*/routes.tsx", { eager: true });
export const areas: AreaRoutes[] = Object.values(modules).map((m) => m.area);

export const navEntries: NavEntry[] = areas.flatMap((a) => a.nav ?? []).sort((a, b) => a.order - b.order);

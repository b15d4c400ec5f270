// 人物 (person page): reached from a roster's name; no navigation entry of its own.
import type { AreaRoutes } from "../../app/nav.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/people/:personId", lazy: () => import("./PersonPage.tsx") }],
};

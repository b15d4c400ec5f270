// 人物 (person page): reached from a roster's name; no navigation entry of its own.
import type { AreaRoutes } from "../../app/nav.ts";
import { withWords } from "../../i18n/index.ts";

export const area: AreaRoutes = {
  routes: [{ path: "/people/:personId", lazy: withWords("person", () => import("./PersonPage.tsx")) }],
};

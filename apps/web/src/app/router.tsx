// Routes: the public pages, then everything else inside the signed-in layout. The layout (with
// Apollo Client) and every page load lazily, so the sign-in page downloads only what it needs.
import { createBrowserRouter } from "react-router";

import { areas } from "./nav.ts";
import { NotFound } from "./NotFound.tsx";

export const router = createBrowserRouter([
  ...areas.flatMap((a) => a.publicRoutes ?? []),
  {
    lazy: () => import("./Layout.tsx"),
    children: [...areas.flatMap((a) => a.routes ?? []), { path: "*", Component: NotFound }],
  },
]);

// Routes: the public pages, then everything else inside the signed-in layout. Pages load lazily,
// so the first page downloads only the shell and itself.
import { createBrowserRouter } from "react-router";

import { Layout } from "./Layout.tsx";
import { NotFound } from "./NotFound.tsx";
import { areas } from "./nav.ts";

export const router = createBrowserRouter([
  ...areas.flatMap((a) => a.publicRoutes ?? []),
  {
    element: <Layout />,
    children: [...areas.flatMap((a) => a.routes ?? []), { path: "*", Component: NotFound }],
  },
]);

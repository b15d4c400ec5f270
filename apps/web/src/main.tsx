import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App.tsx";
import { required } from "./lib/required.ts";

createRoot(required(document.getElementById("root"), "#root in index.html")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

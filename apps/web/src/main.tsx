import { StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App.tsx";
import { required } from "./lib/required.ts";

// the boundary for words still on their way (English is loaded when chosen: src/i18n/index.ts)
createRoot(required(document.getElementById("root"), "#root in index.html")).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);

import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

import base from "@tsunagu/eslint-config/base";

// The web app's sources (its browser tests, e2e/, are linted from the root with the Node workspaces).
export default [
  { ignores: ["e2e/**"] },
  ...base,
  reactHooks.configs.flat["recommended-latest"],
  { files: ["scripts/**/*.js"], languageOptions: { globals: globals.node } },
];

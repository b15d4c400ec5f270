import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

import base from "@tsunagu/eslint-config/base";

export default [
  ...base,
  reactHooks.configs.flat["recommended-latest"],
  { files: ["scripts/**/*.js"], languageOptions: { globals: globals.node } },
];

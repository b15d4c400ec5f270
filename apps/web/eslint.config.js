import base from "@tsunagu/eslint-config/base";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default [...base, reactHooks.configs.flat["recommended-latest"], { files: ["scripts/**/*.js"], languageOptions: { globals: globals.node } }];

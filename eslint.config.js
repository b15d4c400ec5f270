// ESLint for every Node workspace and the browser tests in apps/web/e2e, in one run with one
// TypeScript program (the root tsconfig.json) for the type-aware rules. The web app's sources are
// linted by apps/web/eslint.config.js with its own program.
import base from "@tsunagu/eslint-config/base";

export default [
  { ignores: ["apps/web/*", "!apps/web/e2e"] },
  ...base,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: false, project: ["./tsconfig.json"], tsconfigRootDir: import.meta.dirname } },
  },
];

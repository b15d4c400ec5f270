// Shared ESLint flat config: typescript-eslint's recommended rules, and process.env only in env.ts
// (and the test harness), as create-t3-turbo's restrictEnvAccess does.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export const restrictEnvAccess = {
  files: ["**/*.ts", "**/*.tsx"],
  ignores: ["**/env.ts"],
  rules: {
    "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read the environment in env.ts only." }],
  },
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/generated/**", "**/node_modules/**", "**/.turbo/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // type-aware rules: each package's own tsconfig.json, found by the project service
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    // in a test, `x!` is an assertion like expect(x).toBeDefined(): a wrong one fails the test
    files: ["**/*.test.ts", "**/testing.ts", "**/e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  restrictEnvAccess,
);

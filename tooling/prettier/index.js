// Shared Prettier config (create-t3-turbo's tooling/prettier): the code's existing shape — double
// quotes, semicolons, trailing commas, 140 columns — and imports sorted in groups: Node's built-ins,
// packages, @tsunagu/* packages, then relative imports. Side-effect imports (the schema's domain
// files) keep their order.

/** @type {import("prettier").Config & import("@ianvs/prettier-plugin-sort-imports").PluginConfig} */
const config = {
  printWidth: 140,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "", "<THIRD_PARTY_MODULES>", "", "^@tsunagu/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.9.3",
};

export default config;

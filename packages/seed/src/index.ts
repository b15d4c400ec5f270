// @tsunagu/seed: the Hannan demo data behind `npm run db:seed` and the tests' seeded template, and
// the stable ids seeded rows get. Tests that build their own rows use "@tsunagu/seed/factories";
// the benchmarks' synthetic generator is "@tsunagu/seed/synthetic".
export {
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  demoAccounts,
  demoTestData,
  seedDemo,
  type DemoAccount,
  type SeedDemoOptions,
} from "./demo/index.ts";
export { seedId } from "./ids.ts";

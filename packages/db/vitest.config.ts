import { defineTsunaguConfig } from "@tsunagu/vitest-config";

// isolate: false — the test files of a worker share its modules: the schema engine's WebAssembly,
// the empty PGlite tarball and the template copies are loaded once per worker, not once per file.
// Safe here: no test mocks a module or changes module state that another file reads (each file
// opens its own databases in beforeAll and closes them in afterAll).
export default defineTsunaguConfig({ test: { isolate: false } });

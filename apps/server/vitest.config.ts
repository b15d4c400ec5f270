import { defineTsunaguConfig } from "@tsunagu/vitest-config";

export default defineTsunaguConfig();

import type { ViteUserConfig } from "vitest/config";

export function defineTsunaguConfig(overrides?: ViteUserConfig): ViteUserConfig;

import type { ViteUserConfig } from "vitest/config";

export function defineTsunaguConfig(overrides?: ViteUserConfig, options?: { alone?: string[] }): ViteUserConfig;

// A wide table that scrolls sideways on a phone. The scrolling region takes keyboard focus (WCAG
// 2.1.1: it can be scrolled with the arrow keys) and is named after its table. What Mantine's
// Table.ScrollContainer type="native" renders, without it: it imports the ScrollArea (and with it
// floating-ui) even when native, which the roster's first paint does without (issue 9).
import { Box } from "@mantine/core";
import type { ReactNode } from "react";

export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={label}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

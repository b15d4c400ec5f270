// A wide table that scrolls sideways on a phone. The scrolling region takes keyboard focus (WCAG
// 2.1.1: it can be scrolled with the arrow keys) and is named after its table.
import { Table } from "@mantine/core";
import type { ReactNode } from "react";

export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

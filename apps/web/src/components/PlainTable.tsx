// A table drawn as Mantine's <Table striped verticalSpacing="xs"> draws it, without Mantine's Table:
// that one carries its Table.ScrollContainer, and with it the ScrollArea and floating-ui (~17 KB
// gzip), which a screen measured for its first paint does without (the roster, issue 9; wrap it
// in ./ScrollTable.tsx to scroll sideways). The cells take Mantine's style props (ta, w, …).
import { Box, type BoxProps } from "@mantine/core";
import type { ComponentPropsWithoutRef } from "react";

import classes from "./PlainTable.module.css";

type Props<E extends "table" | "thead" | "tbody" | "tr" | "th" | "td"> = BoxProps & Omit<ComponentPropsWithoutRef<E>, keyof BoxProps>;

function Root(props: Props<"table">) {
  return <Box component="table" className={classes.table} {...props} />;
}
function Thead(props: Props<"thead">) {
  return <Box component="thead" {...props} />;
}
function Tbody(props: Props<"tbody">) {
  return <Box component="tbody" className={classes.tbody} {...props} />;
}
function Tr(props: Props<"tr">) {
  return <Box component="tr" className={classes.tr} {...props} />;
}
function Th(props: Props<"th">) {
  return <Box component="th" className={classes.th} {...props} />;
}
function Td(props: Props<"td">) {
  return <Box component="td" className={classes.td} {...props} />;
}

export const PlainTable = Object.assign(Root, { Thead, Tbody, Tr, Th, Td });

// One entry of the navigation: a link that looks as Mantine's NavLink draws it. NavLink itself
// always brings its nested-entries code (Collapse, the chevron), about 2 KB gzip of every signed-in
// page's first paint, for entries that never nest (issue 9; docs/web.md "Measured").
import type { ReactNode } from "react";
import { Link } from "react-router";

import classes from "./NavItem.module.css";

export function NavItem({
  to,
  label,
  icon,
  active,
  onClick,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <Link to={to} className={classes.root} aria-current={active ? "page" : undefined} onClick={onClick}>
      <span className={classes.section}>{icon}</span>
      <span className={classes.label}>{label}</span>
    </Link>
  );
}

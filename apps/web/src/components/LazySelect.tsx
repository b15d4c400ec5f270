// A Mantine Select whose code (the combobox with its dropdown, scroll area, focus handling and
// floating-ui: about 20 KB gzip with the row menu's) loads after the screen's first paint
// (src/lib/lazy.ts). Until it is there, a read-only field of the same look and size shows the
// chosen option; a click on it opens the dropdown as soon as the code arrives. For screens whose
// first paint is measured (the roster, issue 9): `LazySelect.preload()` in the route's loader.
import { getOptionsLockup, getParsedComboboxData, InputBase, type SelectProps } from "@mantine/core";
import { Suspense, useState } from "react";

import { lazyPart } from "../lib/lazy.ts";

const Select = lazyPart<SelectProps>(() => import("./SelectPart.ts").then((m) => m.Select));

export function LazySelect(props: SelectProps) {
  // a click before the code is there: the dropdown opens when it arrives
  const [wanted, setWanted] = useState(false);
  return (
    <Suspense fallback={<SelectStandIn {...props} onOpen={() => setWanted(true)} />}>
      <Select {...props} defaultDropdownOpened={wanted || props.defaultDropdownOpened} autoFocus={wanted || props.autoFocus} />
    </Suspense>
  );
}
LazySelect.preload = Select.preload;

/** what the Select renders closed: its field with the chosen option's label and the chevron */
function SelectStandIn({ onOpen, ...props }: SelectProps & { onOpen(): void }) {
  const { label, description, error, placeholder, size, w, miw, maw, mb, mt, style, className, required, withAsterisk, disabled } = props;
  const value = props.value ?? props.defaultValue;
  const chosen = value == null ? undefined : getOptionsLockup(getParsedComboboxData(props.data))[`${value}`];
  return (
    <InputBase
      {...{ label, description, error, placeholder, size, w, miw, maw, mb, mt, style, className, required, withAsterisk, disabled }}
      value={chosen?.label ?? ""}
      readOnly
      pointer
      rightSection={<Chevron />}
      rightSectionPointerEvents="none"
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") onOpen();
      }}
    />
  );
}

/** Mantine's Combobox.Chevron at its default size, drawn here (its module brings all the combobox's class names) */
function Chevron() {
  const size = "calc(1.125rem * var(--mantine-scale))";
  return (
    <svg viewBox="0 0 15 15" fill="none" width={size} height={size} style={{ color: "var(--mantine-color-gray-6)" }} aria-hidden>
      <path
        d="M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z"
        fill="currentColor"
        fillRule="evenodd"
        clipRule="evenodd"
      />
    </svg>
  );
}

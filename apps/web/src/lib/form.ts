// Shows a failed mutation on a Mantine form: each issue next to its field (in the current
// language); what belongs to no field comes back for an alert.
import type { UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";

import i18n, { currentLanguage } from "../i18n/index.ts";
import { fieldErrors, localized, type Failure } from "./result.ts";

export { currentLanguage };

/**
 * Puts the failure's field issues on the form (paths "input.x" → field "x", or as mapped by
 * `fields`); returns the message for the issues and errors no field shows, or null.
 */
export function applyFailure<T extends Record<string, unknown>>(
  form: UseFormReturnType<T>,
  failure: Failure,
  options: { prefix?: string; fields?: Record<string, string> } = {},
): string | null {
  const language = currentLanguage();
  const errors = fieldErrors(failure, language, options.prefix);
  const known = new Set(Object.keys(form.getValues()));
  const onForm: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const field = options.fields?.[path] ?? path;
    const dot = field.indexOf(".");
    if (known.has(dot === -1 ? field : field.slice(0, dot))) onForm[field] = message;
    else rest.push(message);
  }
  form.setErrors(onForm);
  if (failure.issues.length === 0) return localized(failure, language);
  return rest.length ? rest.join(" / ") : null;
}

export function notifySaved(message?: string): void {
  notifications.show({ color: "green", message: message ?? i18n.t("saved") });
}

export function notifyFailure(failure: Failure): void {
  notifications.show({ color: "red", title: i18n.t("failed"), message: localized(failure, currentLanguage()) });
}

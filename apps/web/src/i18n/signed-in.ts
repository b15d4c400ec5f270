// The words of every signed-in screen, added to i18next when the signed-in layout loads (see
// ./index.ts): imported by app/Layout.tsx, so they travel in its lazy chunk.
import i18n, { localeOf, type LocaleFiles } from "./index.ts";

const files: LocaleFiles = import.meta.glob(["./locales/*/*.json", "!./locales/*/common.json", "!./locales/*/auth.json"], { eager: true });
for (const [file, module] of Object.entries(files)) {
  const [lang, ns] = localeOf(file);
  i18n.addResourceBundle(lang, ns, module.default);
}

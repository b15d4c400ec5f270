// i18n: Japanese by default, English on request (the choice is kept in localStorage). One JSON file
// per area and language under locales/<lang>/<area>.json; each file is an i18next namespace. Only
// `common` and `auth` are in the first page's bundle; the signed-in layout brings the others
// (./signed-in.ts), so the sign-in page does not download every screen's words.
import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";

const languages = ["ja", "en"] as const;

export type LocaleFiles = Record<string, { default: Record<string, unknown> }>;

/** "./locales/ja/roster.json" → ["ja", "roster"] */
export function localeOf(file: string): [lang: string, ns: string] {
  const [, lang, ns] = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file) ?? [];
  if (!lang || !ns) throw new Error(`${file} is not a ./locales/<lang>/<area>.json file`);
  return [lang, ns];
}

const files: LocaleFiles = import.meta.glob("./locales/*/{common,auth}.json", { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const [lang, ns] = localeOf(file);
  (resources[lang] ??= {})[ns] = module.default;
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    fallbackLng: "ja",
    supportedLngs: [...languages],
    defaultNS: "common",
    ns: Object.keys(resources.ja ?? {}),
    interpolation: { escapeValue: false }, // React escapes
    // only an explicit choice switches to English: a 社協 PC's browser language is not a preference
    detection: { order: ["localStorage"], lookupLocalStorage: "tsunagu.language", caches: ["localStorage"] },
  });

i18n.on("languageChanged", (lng) => document.documentElement.setAttribute("lang", lng));
document.documentElement.setAttribute("lang", i18n.resolvedLanguage ?? "ja");

export default i18n;

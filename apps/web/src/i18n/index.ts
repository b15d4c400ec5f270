// i18n: Japanese by default, English on request (the choice is kept in localStorage). One JSON file
// per area and language under locales/<lang>/<area>.json; each file is an i18next namespace. Only
// the Japanese `common` is in the first page's bundle; every other file (each screen's
// words, and all of English) is its own small chunk that i18next loads when a screen first asks for
// its namespace (`useTranslation("roster")` suspends until it is there) or the reader switches
// language. `common` holds the navigation's labels, so the signed-in frame needs no other file.
import i18n from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";

const languages = ["ja", "en"] as const;

// the reader's choice of language, kept on this computer (a few lines rather than
// i18next-browser-languagedetector, whose other sources this app does not use: issue 9)
const STORED_LANGUAGE = "tsunagu.language";

function storedLanguage(): string | undefined {
  try {
    return localStorage.getItem(STORED_LANGUAGE) ?? undefined;
  } catch {
    return undefined; // storage turned off: Japanese
  }
}

type LocaleFile = { default: Record<string, unknown> };

/** "./locales/ja/roster.json" → ["ja", "roster"] */
function localeOf(file: string): [lang: string, ns: string] {
  const [, lang, ns] = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file) ?? [];
  if (!lang || !ns) throw new Error(`${file} is not a ./locales/<lang>/<area>.json file`);
  return [lang, ns];
}

const bundled = import.meta.glob<LocaleFile>("./locales/ja/common.json", { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(bundled)) {
  const [lang, ns] = localeOf(file);
  (resources[lang] ??= {})[ns] = module.default;
}
const later = import.meta.glob<LocaleFile>(["./locales/*/*.json", "!./locales/ja/common.json"]);

void i18n
  .use(
    resourcesToBackend(async (lang: string, ns: string) => {
      const load = later[`./locales/${lang}/${ns}.json`];
      if (!load) throw new Error(`no words for ${lang}/${ns}`);
      return (await load()).default;
    }),
  )
  .use(initReactI18next)
  .init({
    resources,
    // only an explicit choice switches to English: a 社協 PC's browser language is not a preference
    lng: storedLanguage() ?? "ja",
    // the bundled files are a part: the rest comes from the loader above
    partialBundledLanguages: true,
    fallbackLng: "ja",
    supportedLngs: [...languages],
    defaultNS: "common",
    ns: ["common"],
    interpolation: { escapeValue: false }, // React escapes
  });

i18n.on("languageChanged", (lng) => {
  document.documentElement.setAttribute("lang", lng);
  try {
    localStorage.setItem(STORED_LANGUAGE, lng);
  } catch {
    // storage turned off: the choice lasts until the page is closed
  }
});
document.documentElement.setAttribute("lang", i18n.resolvedLanguage ?? "ja");

/**
 * A route's `lazy` that loads the area's words at the same time as its code, so the screen does not
 * wait for them after it has rendered once (src/routes/<area>/routes.tsx).
 */
export function withWords<T>(ns: string, load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), i18n.loadNamespaces(ns)]))[0];
}

/** the reader's language, for texts that come with both (the API's messages) */
export function currentLanguage(): "ja" | "en" {
  return i18n.resolvedLanguage === "en" ? "en" : "ja";
}

export default i18n;

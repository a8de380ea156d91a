import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common as en } from './en/common';
import { common as sv } from './sv/common';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];
const STORAGE_KEY = 'samverka.language';
/** The same choice as a cookie, so the server renders the first page in it (apps/api/src/web-app.ts reads it). */
export const LANGUAGE_COOKIE = 'samverka-language';

/**
 * The language chosen here before; else the one the server rendered the page in (from the cookie); else
 * Swedish.
 */
function storedLanguage(): Language {
  let stored: string | null | undefined;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  } catch {
    // Private mode: the page's own language.
  }
  stored ??= typeof document === 'undefined' ? null : document.documentElement.lang;
  return stored === 'en' ? 'en' : 'sv';
}

/**
 * The texts of each area (`sv/<area>.ts`, `en/<area>.ts`) come with the pages that use them, each its own
 * small chunk: only the frame's (`common`) are in the first load. The routes ask for their areas while
 * their page loads (app/routes.tsx); a component using an area not yet here waits for it (Suspense).
 */
const areas = import.meta.glob<Record<string, Record<string, unknown>>>(['./sv/*.ts', './en/*.ts', '!./*/common.ts']);
const lazyAreas: BackendModule = {
  type: 'backend',
  init() {},
  read(language, area, done) {
    const load = areas[`./${language}/${area}.ts`];
    if (!load) return done(new Error(`no texts for ${language}/${area}`), null);
    load().then(
      (module) => done(null, module[area] as Record<string, unknown>),
      (error: Error) => done(error, null),
    );
  },
};

/** Swedish unless the person chose English here before; `<html lang>` follows every change. */
export const i18n = i18next.createInstance();
void i18n
  .use(lazyAreas)
  .use(initReactI18next)
  .init({
    resources: { sv: { common: sv }, en: { common: en } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: 'sv',
    defaultNS: 'common',
    ns: ['common'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });

/** Loads the texts of these areas (for a page about to open). */
export function loadAreas(names: readonly string[]): Promise<void> {
  return i18n.loadNamespaces([...names]);
}

/** Every area in both languages (for the server, which renders any page in either). */
export async function loadEveryArea(): Promise<void> {
  await Promise.all(
    Object.entries(areas).map(async ([file, load]) => {
      const [, language, area] = /^\.\/(\w+)\/(\w+)\.ts$/.exec(file)!;
      i18n.addResourceBundle(language, area, (await load())[area]);
    }),
  );
}

function applyLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for the visit.
  }
  if (typeof document !== 'undefined') document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
});

let languageOfRender: (() => Language | undefined) | undefined;
/** The server renders pages for many readers at once: it says whose language a render is in. */
export function setLanguageOfRender(source: () => Language | undefined): void {
  languageOfRender = source;
}

export function currentLanguage(): Language {
  return languageOfRender?.() ?? (i18n.language === 'en' ? 'en' : 'sv');
}

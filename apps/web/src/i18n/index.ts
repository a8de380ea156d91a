import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common as en } from './en/common';
import { common as sv } from './sv/common';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];
const STORAGE_KEY = 'samverka.language';

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
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
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'sv';
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { sv } from './sv';

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

/** Swedish unless the person chose English here before; `<html lang>` follows every change. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { sv: sv, en: en },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  defaultNS: 'common',
  ns: Object.keys(sv),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

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

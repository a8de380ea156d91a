import { LANGUAGES, MESSAGES, type ErrorDetail, type Language, type Message, type MessageKey, type MessageParams } from '@samverka/domain';
import i18next from 'i18next';
import Negotiator from 'negotiator';

const DEFAULT_LANGUAGE: Language = LANGUAGES[0];

// One instance for the process, initialised synchronously: the catalogue is compiled in, nothing to fetch.
const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: MESSAGES[language] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // Messages are plain text, put into JSON or e-mail text parts, never into HTML unescaped.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** A message in the given language (Swedish when none is given). */
export function textOf(detail: ErrorDetail | Message, language: Language = DEFAULT_LANGUAGE): string {
  if ('text' in detail) return detail.text;
  return i18n.t(detail.key, { ...(detail.params ?? {}), lng: language });
}

/** Shorthand for `textOf({ key, params }, language)`. */
export function t(key: MessageKey, params: MessageParams | undefined, language: Language = DEFAULT_LANGUAGE): string {
  return textOf({ key, ...(params ? { params } : {}) }, language);
}

/** Whether the catalogue has a key in a language (not only by falling back to Swedish). */
export function hasTranslation(key: string, language: Language): boolean {
  return i18n.exists(key, { lng: language, fallbackLng: false });
}

/**
 * The language to answer in, from an Accept-Language header: the best of the languages the product
 * speaks by the header's order and weights (`en-GB` counts as `en`), Swedish when the header is absent
 * or names none of them.
 */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return DEFAULT_LANGUAGE;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES]);
  return (best as Language | undefined) ?? DEFAULT_LANGUAGE;
}

export { DEFAULT_LANGUAGE };

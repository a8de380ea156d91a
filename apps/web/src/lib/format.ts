import { currentLanguage, type Language } from '../i18n';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
const TIME_ZONE = 'Europe/Stockholm';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** "700 000 kr" in Swedish, "SEK 700,000" in English. */
export function formatKronor(amount: number, language: Language = currentLanguage()): string {
  return cached(`kr:${language}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 })).format(amount);
}

/** A range of kronor, either end open: "100 000–500 000 kr", "från 100 000 kr". */
export function formatKronorRange(from: number | null | undefined, to: number | null | undefined, language: Language = currentLanguage()): string | null {
  if (from == null && to == null) return null;
  if (from != null && to != null) {
    if (from === to) return formatKronor(from, language);
    return cached(`krr:${language}`, () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 })).formatRange(from, to);
  }
  const word = from != null ? { sv: 'från', en: 'from' } : { sv: 'upp till', en: 'up to' };
  return `${word[language]} ${formatKronor((from ?? to) as number, language)}`;
}

export function formatNumber(value: number, language: Language = currentLanguage()): string {
  return cached(`n:${language}`, () => new Intl.NumberFormat(LOCALES[language])).format(value);
}

/** A calendar date (the API's Date, YYYY-MM-DD) as "15 januari 2027". */
export function formatDate(date: string, language: Language = currentLanguage()): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return cached(`d:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment (the API's DateTime) as a date and time in Swedish time: "15 januari 2027 kl. 14:30". */
export function formatDateTime(moment: string, language: Language = currentLanguage()): string {
  return cached(`dt:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE })).format(new Date(moment));
}

/** The time of day of a moment in Swedish time: "14:30". */
export function formatTime(moment: string, language: Language = currentLanguage()): string {
  return cached(`t:${language}`, () => new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short', timeZone: TIME_ZONE })).format(new Date(moment));
}

/** "om 3 dagar", "i går": how far a date is from today, in Swedish time. */
export function formatRelativeDays(date: string, now: Date = new Date(), language: Language = currentLanguage()): string {
  const today = new Date(cached('today', () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE })).format(now));
  const days = Math.round((Date.parse(date.slice(0, 10)) - today.getTime()) / 86_400_000);
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  return format.format(days, 'day');
}

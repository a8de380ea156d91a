import { formatDate, formatDateTime, formatKronor, formatKronorRange, formatRelativeDays } from './format';

// Intl puts no-break spaces in numbers; compare with ordinary ones.
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe('formats', () => {
  it('writes kronor the Swedish way, and the English way', () => {
    expect(plain(formatKronor(700000, 'sv'))).toBe('700 000 kr');
    expect(plain(formatKronor(700000, 'en'))).toBe('SEK 700,000');
  });

  it('writes ranges of kronor, either end open', () => {
    expect(plain(formatKronorRange(100000, 500000, 'sv'))).toBe('100 000–500 000 kr');
    expect(plain(formatKronorRange(100000, null, 'sv'))).toBe('från 100 000 kr');
    expect(plain(formatKronorRange(null, 500000, 'en'))).toBe('up to SEK 500,000');
    expect(formatKronorRange(null, null, 'sv')).toBeNull();
  });

  it('writes a calendar date without moving it across time zones', () => {
    expect(formatDate('2027-01-15', 'sv')).toBe('15 januari 2027');
    expect(formatDate('2027-01-15', 'en')).toBe('15 January 2027');
  });

  it('writes a moment in Swedish time', () => {
    expect(plain(formatDateTime('2027-06-30T22:30:00Z', 'sv'))).toBe('1 juli 2027 kl. 00:30');
  });

  it('says how many days away a date is', () => {
    const now = new Date('2027-01-12T10:00:00Z');
    expect(formatRelativeDays('2027-01-15', now, 'sv')).toBe('om 3 dagar');
    expect(formatRelativeDays('2027-01-11', now, 'sv')).toBe('i går');
  });
});

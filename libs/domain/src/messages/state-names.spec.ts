import { IMPACT_REPORT_STATUSES, IMPACT_UNITS, INTRODUCTION_STATUSES, PARTNERSHIP_STATUSES } from '../brokering/brokering-types.js';
import { NEED_STATUSES, OFFER_STATUSES } from '../marketplace/marketplace-types.js';
import { LANGUAGES, MESSAGES } from './index.js';

// Refusals name a record's status in words (`$t(marketplace.needStatus_{{status}})`): every status, and
// every unit a value is counted in, needs its words in every language, or a refusal would show the key.
describe('the names of statuses and units', () => {
  const named: [string, string, readonly string[]][] = [
    ['marketplace', 'needStatus', NEED_STATUSES],
    ['marketplace', 'offerStatus', OFFER_STATUSES],
    ['brokering', 'introductionStatus', INTRODUCTION_STATUSES],
    ['brokering', 'partnershipStatus', PARTNERSHIP_STATUSES],
    ['impact', 'reportStatus', IMPACT_REPORT_STATUSES],
    ['impact', 'unit', IMPACT_UNITS],
  ];

  it.each(named)('%s.%s_… names every value in every language', (area, prefix, values) => {
    for (const language of LANGUAGES) {
      const messages = (MESSAGES[language] as unknown as Record<string, Record<string, string>>)[area];
      const names = Object.keys(messages)
        .filter((key) => key.startsWith(`${prefix}_`))
        .map((key) => key.slice(prefix.length + 1));
      expect({ language, names: names.sort() }).toEqual({ language, names: [...values].sort() });
    }
  });
});

import { accounts } from './accounts';
import { common } from './common';
import { filters } from './filters';
import { needs } from './needs';

/** The Swedish texts, one section per area of the app; Swedish is the app's language, English follows it. */
export const sv = { common, accounts, filters, needs };

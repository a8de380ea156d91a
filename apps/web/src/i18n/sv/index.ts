import { accessibility } from './accessibility';
import { common } from './common';
import { filters } from './filters';
import { needs } from './needs';

/** The Swedish texts, one section per area of the app; Swedish is the app's language, English follows it. */
export const sv = { common, accessibility, filters, needs };

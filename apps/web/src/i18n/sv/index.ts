import { accessibility } from './accessibility';
import { common } from './common';
import { directory } from './directory';
import { examples } from './examples';
import { filters } from './filters';
import { home } from './home';
import { matching } from './matching';
import { needs } from './needs';

/** The Swedish texts, one section per area of the app; Swedish is the app's language, English follows it. */
export const sv = { common, accessibility, filters, needs, home, directory, examples, matching };

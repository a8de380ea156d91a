import { common } from './common';
import { directory } from './directory';
import { examples } from './examples';
import { home } from './home';
import { matching } from './matching';

/** The Swedish texts, one section per area of the app; Swedish is the app's language, English follows it. */
export const sv = { common, home, directory, examples, matching };

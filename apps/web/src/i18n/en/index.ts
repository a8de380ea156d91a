import type { Translation } from '../types';
import type { sv } from '../sv';
import { common } from './common';
import { directory } from './directory';
import { examples } from './examples';
import { home } from './home';
import { matching } from './matching';

export const en: Translation<typeof sv> = { common, home, directory, examples, matching };

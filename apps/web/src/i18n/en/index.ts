import type { Translation } from '../types';
import type { sv } from '../sv';
import { accessibility } from './accessibility';
import { common } from './common';
import { directory } from './directory';
import { examples } from './examples';
import { filters } from './filters';
import { home } from './home';
import { matching } from './matching';
import { needs } from './needs';

export const en: Translation<typeof sv> = { common, accessibility, filters, needs, home, directory, examples, matching };

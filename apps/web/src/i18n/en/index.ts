import type { Translation } from '../types';
import type { sv } from '../sv';
import { accounts } from './accounts';
import { common } from './common';
import { filters } from './filters';
import { needs } from './needs';

export const en: Translation<typeof sv> = { common, accounts, filters, needs };

import type { Translation } from '../types';
import type { sv } from '../sv';
import { accounts } from './accounts';
import { common } from './common';

export const en: Translation<typeof sv> = { common, accounts };

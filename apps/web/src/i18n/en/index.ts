import type { Translation } from '../types';
import type { sv } from '../sv';
import { accessibility } from './accessibility';
import { common } from './common';

export const en: Translation<typeof sv> = { common, accessibility };

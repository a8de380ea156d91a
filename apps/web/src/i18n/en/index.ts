import type { Translation } from '../types';
import type { sv } from '../sv';
import { accessibility } from './accessibility';
import { common } from './common';
import { filters } from './filters';
import { needs } from './needs';

export const en: Translation<typeof sv> = { common, accessibility, filters, needs };

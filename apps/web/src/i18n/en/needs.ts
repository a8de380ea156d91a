import type { Translation } from '../types';
import type { needs as sv } from '../sv/needs';

export const needs: Translation<typeof sv> = {};

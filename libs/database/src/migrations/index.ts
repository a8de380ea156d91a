import { Platform1764180000000 } from './1764180000000-platform.js';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [Platform1764180000000];

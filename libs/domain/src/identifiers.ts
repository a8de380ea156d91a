import { DomainError, type FieldPath } from './domain-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs; anything else is refused before it reaches the database. */
export function assertId(value: string, field: FieldPath): string {
  if (!UUID.test(value)) throw DomainError.badInput(field, 'INVALID_FORMAT', 'validation.invalidId');
  return value.toLowerCase();
}

import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';

export type SortDirection = 'ASC' | 'DESC';

/** A position in a sorted list: the sort value (as text) and the id that breaks ties. */
export interface KeysetPosition {
  value: string;
  id: string;
}

/**
 * Orders by `sortExpression` (which must never be NULL: wrap nullable columns in COALESCE) and then by
 * `idExpression`, starting after `after`. Stable under inserts, unlike OFFSET.
 */
export function orderWithKeyset<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sortExpression: string,
  sortCast: string,
  idExpression: string,
  direction: SortDirection,
  after: KeysetPosition | undefined,
): SelectQueryBuilder<T> {
  if (after) {
    const comparison = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${sortExpression}, ${idExpression}) ${comparison} (CAST(:keysetValue AS ${sortCast}), CAST(:keysetId AS uuid))`, {
      keysetValue: after.value,
      keysetId: after.id,
    });
  }
  return query.orderBy(sortExpression, direction).addOrderBy(idExpression, direction);
}

/**
 * A prefix full-text query for Swedish from free text: every word must match the start of a word
 * (after stemming), so "städ" finds "städning" and "lokalvård" finds "lokalvårdstjänster".
 * Returns undefined when the text has no searchable word.
 */
export function prefixTsQuery(text: string): string | undefined {
  const words = searchWords(text);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : undefined;
}

/** The words of a search text, lower-cased, at most 12. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/**
 * LIKE patterns for "this CPV code or anything below it": the code's significant digits (trailing
 * zeros dropped, at least the two division digits) followed by %.
 */
export function cpvPrefixPatterns(codes8: readonly string[]): string[] {
  return [...new Set(codes8.map((code) => `${code.replace(/0+$/, '').padEnd(2, '0')}%`))];
}

/** Escapes the wildcards of LIKE in a search text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

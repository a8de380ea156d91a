import type { ValueTransformer } from 'typeorm';

/** bigint columns hold kronor: well inside Number's safe range, so they are numbers in the code. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

/** numeric impact values and targets (three decimals at most) are numbers in the code. */
export const numericNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

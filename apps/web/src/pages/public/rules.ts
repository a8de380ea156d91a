/** LOU 4 kap. 18 §: a reserved contract is for suppliers with at least this share (%) of staff far from the labour market (RESERVED_CONTRACT_MIN_SHARE in libs/domain). */
export const RESERVED_CONTRACT_MIN_SHARE = 30;

// Filled by the matching work: score(need, profile) → { score, components, reasons }, pure and I/O-free.
export {};

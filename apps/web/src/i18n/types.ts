/** The English texts must have every Swedish key, as strings or nested sections of them. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

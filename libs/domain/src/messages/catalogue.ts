/**
 * The shape of the message catalogue: areas of keys, each a message with i18next parameters
 * (`{{name}}`) and, where a count decides the form, plural keys (`key_one`, `key_other`).
 * Swedish (sv/) is the source; English (en/) must have the same keys, which `Translation` enforces.
 */
export type Translation<T> = { readonly [K in keyof T]: string };

/** The parameters a message may take. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** `key_one`/`key_other` are one key to the caller, who passes `count`. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** `area.key` for every key of every area. */
export type KeysOf<C> = { [A in keyof C & string]: `${A}.${WithoutPlural<keyof C[A] & string>}` }[keyof C & string];

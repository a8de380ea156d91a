import type { KeysOf, MessageParams, Translation } from './catalogue.js';
import * as en from './en/index.js';
import * as sv from './sv/index.js';

type Swedish = typeof sv;

/**
 * Every user-facing text of the product, in Swedish (the source and the default) and English, by area.
 * English must have every Swedish key (checked when it compiles); a test checks that both use the same
 * parameters.
 */
export const MESSAGES: { readonly sv: Swedish; readonly en: { readonly [A in keyof Swedish]: Translation<Swedish[A]> } } = { sv, en };

/** The languages the product speaks; the first is the default. */
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message's key in the catalogue, e.g. `marketplace.needNotFound`. */
export type MessageKey = KeysOf<Swedish>;

/** A text to show, before it is put into a language: its key and parameters. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** Shorthand for a message. */
export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export type { MessageParams, Translation } from './catalogue.js';

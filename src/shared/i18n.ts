// The user-facing words of the popup, the options page and what the content script draws, read
// from _locales/<lang>/messages.json through the browser's i18n API (the one place they live).
//
// Names and placeholders are checked by TypeScript against the English file; the import is
// type-only, so no message text is bundled. Substitutions are passed by name: the browser takes
// them by position, and the placeholders of a message are numbered in the alphabetical order of
// their names ($1 for the first), which test/unit/i18n-messages.test.ts enforces.
//
// Plural forms: a family `name_one`, `name_other` (and `_zero`, `_two`, `_few`, `_many` in the
// languages that need them), picked with Intl.PluralRules; `count` is always one of the family's
// substitutions, numbered with the others.
//
// No webextension-polyfill here: content.js uses this too and has a size budget
// (content/runtime/runtime-api.ts says why); `i18n.getMessage` is synchronous in both `browser`
// and `chrome`.
import type catalog from '../../_locales/en/messages.json';
import { extensionApi } from '../content/runtime/runtime-api';

type Catalog = typeof catalog;
export type MessageName = keyof Catalog & string;

type PlaceholderName<N extends MessageName> = Catalog[N] extends { placeholders: infer P } ? Extract<keyof P, string> : never;

/** What a message's placeholders are filled with; no argument for a message without any. */
type Values<Names extends string> = [Names] extends [never] ? [] : [values: Record<Names, string | number>];

/** The families with plural forms: `rowCount` for rowCount_one and rowCount_other. */
export type PluralName = MessageName extends infer N ? (N extends `${infer Base}_other` ? Base : never) : never;

type PluralPlaceholder<B extends PluralName> = Exclude<PlaceholderName<`${B}_other` & MessageName>, 'count'>;

/** The browser's message, or '' when it has none (or the extension's context is gone). */
function lookUp(name: string, values?: Record<string, string | number>): string {
  try {
    return extensionApi().i18n.getMessage(
      name,
      values &&
        Object.keys(values)
          .sort()
          .map((key) => `${values[key]}`),
    );
  } catch {
    return '';
  }
}

/** The message `name` in the user's language, its placeholders filled from `values`. */
export const t = lookUp as <N extends MessageName>(name: N, ...values: Values<PlaceholderName<N>>) => string;

let rules: Intl.PluralRules | undefined;

/** The plural form of `base` for `count`; the `_other` form when the language has no such form. */
export function plural<B extends PluralName>(base: B, count: number, ...values: Values<PluralPlaceholder<B>>): string {
  // The rules of the language the messages are in (not the browser's, which may have no file).
  rules ??= new Intl.PluralRules(t('languageTag') || 'en');
  const all = { ...values[0], count };
  return lookUp(`${base}_${rules.select(count)}`, all) || lookUp(`${base}_other`, all);
}

/**
 * Text from elsewhere (a receiver's message, a field name) set apart for a placeholder: in its own
 * direction, so a right-to-left message does not carry the quotes and words around it along.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

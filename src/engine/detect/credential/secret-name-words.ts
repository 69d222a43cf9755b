// The words that make a name a credential's name, in one list: the position reader, the key-field
// scan's start words, the short-text prefilter and the personal-password guard are all built from
// it, so a word added here is read everywhere. German, Spanish, Portuguese and French words count
// in their ASCII spelling (`contrasena`, `schluessel`).

/** Last words of a name for a password: a person's login unless a service word comes before it. */
export const PASSWORD_WORDS: readonly string[] = ['password', 'passwd', 'pass', 'passwort', 'kennwort', 'contrasena', 'senha', 'clave'];

/** Last words of a name for a key or token. `key` alone counts (`"key": "xxx-xxx"`). */
export const KEY_WORDS: readonly string[] = [
  'token',
  'key',
  'secret',
  'apikey',
  'pat',
  'bearer',
  'credential',
  'credentials',
  'schluessel',
  'chave',
  'jeton',
];

/** Every last word of a name that holds a secret. */
export const SECRET_NAME_WORDS: readonly string[] = [...KEY_WORDS, ...PASSWORD_WORDS];

/** Short words read only where they stand alone enough: `pass` not in `passage`, `pat` not in `path`. */
const GUARDED: Readonly<Record<string, string>> = { pass: 'pass(?![a-vx-z])', pat: '(?<![a-z])pat(?![a-z])' };

/**
 * A regex alternation finding where any of the words may end a name, for a case-insensitive
 * search: words that hold a shorter word of the list are left to it (`apikey` to `key`), so a
 * search starts where it always did.
 */
export const SECRET_NAME_WORD_SOURCE = SECRET_NAME_WORDS.filter(
  (word) => !SECRET_NAME_WORDS.some((other) => other !== word && word.includes(other)),
)
  .map((word) => GUARDED[word] ?? word)
  .join('|');

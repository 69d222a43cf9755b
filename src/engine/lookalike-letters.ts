// Letters that look Latin but are not: Greek and Cyrillic capitals and small letters drawn like
// Latin ones, and full-width Latin letters. A key word written with them (`ΤOKEN`, `ΤΟΚΕΝ`,
// `ｔｏｋｅｎ`) reads as the key word it shows; the redactor folds such words before it looks for
// key words.

/** Greek and Cyrillic letters drawn like a Latin letter, each with the letter it shows. */
const LOOKALIKE_OF: Readonly<Record<string, string>> = Object.fromEntries(
  [
    // Greek
    'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX αa ιi κk νv οo ρp τt υu χx',
    // Cyrillic
    'АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ІI ЈJ ЅS аa еe оo рp сc уy хx іi јj ѕs һh ԁd ԛq ԝw кk тt',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => [pair[0] ?? '', pair[1] ?? '']),
);

const LOOKALIKE_CLASS = `[${Object.keys(LOOKALIKE_OF).join('')}]`;
const FULL_WIDTH_LETTER_CLASS = '[\\uff21-\\uff3a\\uff41-\\uff5a]';

/** Latin, Greek and Cyrillic letters: what may stand beside a word of look-alikes and make it a longer word. */
const NEARBY_LETTER = '[A-Za-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u052f]';

/**
 * Where a word may be written in look-alike letters: a full-width Latin letter, a look-alike
 * touching a Latin letter (a word that mixes scripts), or a word of two or more look-alikes alone
 * (`ΤΟΚΕΝ` in Greek capitals). Every word foldLookalikeWords changes holds one; the content
 * prefilter asks this.
 */
export const LOOKALIKE_HINT = new RegExp(
  `${FULL_WIDTH_LETTER_CLASS}|[A-Za-z]${LOOKALIKE_CLASS}|${LOOKALIKE_CLASS}[A-Za-z]|(?<!${NEARBY_LETTER})${LOOKALIKE_CLASS}{2,}(?!${NEARBY_LETTER})`,
);

/** A run of letters a look-alike word is made of (other letters end it or rule it out). */
const CANDIDATE_WORD = /[\p{L}\p{M}]+/gu;
const LATIN_OR_FULL_WIDTH = /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/;

/**
 * The text with each word that mixes Latin (or full-width) letters with look-alikes, each
 * full-width word, and each word of two or more letters that are all look-alikes, written in the
 * Latin letters it shows; every other character as it is. A word with any other letter is a word
 * of its own script (`пароль`) and stays, as does a word of look-alikes alone that `ownWord`
 * accepts as written (Russian `ТОКЕН` would fold to `TOKEH`). One UTF-16 unit in, one out:
 * positions in the result are positions in `text`.
 */
export function foldLookalikeWords(text: string, ownWord?: RegExp): string {
  if (!LOOKALIKE_HINT.test(text)) return text;
  return text.replace(CANDIDATE_WORD, (word) => {
    if (!LATIN_OR_FULL_WIDTH.test(word) && (word.length < 2 || ownWord?.test(word) === true)) return word;
    let folded = '';
    for (const char of word) {
      const code = char.charCodeAt(0);
      if (/[A-Za-z]/.test(char)) folded += char;
      else if (code >= 0xff21 && code <= 0xff5a) folded += String.fromCharCode(code - 0xfee0);
      else if (LOOKALIKE_OF[char] !== undefined) folded += LOOKALIKE_OF[char];
      else return word; // a letter of another script: a real word of that language
    }
    return folded;
  });
}

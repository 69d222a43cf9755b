// A stand-in told of as unreplaced ("<randomUserAgentOutput> is not replaced") is a credential
// mistake only when it stood where a credential goes. When the text shows it as the value of a
// header that holds no credential (`User-Agent: <…>`), the report is about that header.
import { isCredentialHeader } from '../../credential-headers';

/** A stand-in left in a value: a template tag, a `#marker`, a shell variable, a YOUR_… constant. */
export const STAND_IN =
  '(?:\\{\\{[^{}\\n]{1,60}\\}\\}|%[A-Za-z_][A-Za-z0-9_]{2,30}%|#[A-Za-z]\\w{2,30}|\\$[A-Z_][A-Z0-9_]{2,40}|\\$\\{[^}\\n]{1,40}\\}|<[A-Za-z][\\w.-]{1,30}>)';

const STAND_INS = new RegExp(STAND_IN, 'g');
/** A header name and its colon, then at most a scheme word and a quote, just before a value. */
const HEADER_BEFORE = /([A-Za-z][\w-]{0,40})["']?[ \t]*:[ \t]*["'`]?(?:[A-Za-z]+[ \t]+)?$/;
/** Occurrences of one stand-in looked at: enough for any text that shows it in a header. */
const MAX_OCCURRENCES = 32;

/** The names of the headers whose value, in `text`, is `standIn`: read just before each occurrence. */
function headersHolding(text: string, standIn: string): string[] {
  const names: string[] = [];
  let count = 0;
  for (let at = text.indexOf(standIn); at >= 0 && count < MAX_OCCURRENCES; at = text.indexOf(standIn, at + 1), count++) {
    const name = HEADER_BEFORE.exec(text.slice(Math.max(0, at - 64), at))?.[1];
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** True when every stand-in of `sentence` is shown only as the value of non-credential headers. */
export function standInOfOtherHeader(text: string, sentence: string): boolean {
  const standIns = sentence.match(STAND_INS) ?? [];
  if (standIns.length === 0) return false;
  return standIns.every((standIn) => {
    const headers = headersHolding(text, standIn);
    return headers.length > 0 && !headers.some(isCredentialHeader);
  });
}

// A stand-in told of as unreplaced ("<randomUserAgentOutput> is not replaced") is a credential
// mistake only when it stood where a credential goes. When the text shows it as the value of a
// header that holds no credential (`User-Agent: <…>`), the report is about that header.
import { isCredentialHeader } from '../../credential-headers';

/** A stand-in left in a value: a template tag, a `#marker`, a shell variable, a YOUR_… constant. */
export const STAND_IN =
  '(?:\\{\\{[^{}\\n]{1,60}\\}\\}|%[A-Za-z_][A-Za-z0-9_]{2,30}%|#[A-Za-z]\\w{2,30}|\\$[A-Z_][A-Z0-9_]{2,40}|\\$\\{[^}\\n]{1,40}\\}|<[A-Za-z][\\w.-]{1,30}>)';

const STAND_INS = new RegExp(STAND_IN, 'g');
const escape = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of the headers whose value, in `text`, is `standIn` (after a scheme word at most). */
function headersHolding(text: string, standIn: string): string[] {
  const shown = new RegExp(`([A-Za-z][\\w-]{0,40})["']?[ \\t]*:[ \\t]*["'\`]?(?:[A-Za-z]+[ \\t]+)?${escape(standIn)}`, 'g');
  return [...text.matchAll(shown)].map((match) => match[1]!);
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

// The password half of curl's `-u`/`--user` (`-u 'api:YOUR_API_KEY'`, `--user ACxxxx:[AuthToken]`):
// Mailgun, Twilio and Stripe take their key there, so a stand-in in it stands where the key went.
// Only candidates are found here; like key fields, they are judged by the text around them
// (standInsInText).
import type { Finding } from '../../types';
import { isFillInWord, isMaskedToken, isPlaceholderToken, isWholeMask, isXStandIn } from './credential-classify';
import { previewToken } from './credential-preview';

/** `-u user:secret` or `--user "user:secret"`, the pair quoted or not; not a URL (`-u https://…`). Global, bounded. */
const USER_FLAG = /(?:^|[ \t])(?:-u|--user)[ \t]+(["']?)([^\s"':/]{1,64}):(?!\/)([^\s"']{1,200})\1(?=[\s\\]|$)/gm;

/** Candidate findings for stand-ins and masks in curl's `-u` password; offsets are within `text`. */
export function userFlagStandIns(text: string): Finding[] {
  const findings: Finding[] = [];
  USER_FLAG.lastIndex = 0;
  for (let match = USER_FLAG.exec(text); match !== null; match = USER_FLAG.exec(text)) {
    const secret = match[3]!;
    const start = match.index + match[0].length - match[1]!.length - secret.length;
    const problem = problemOf(secret);
    if (problem)
      findings.push({ kind: 'credential', code: null, problem, start, end: start + secret.length, excerpt: previewToken(secret) });
  }
  return findings;
}

/**
 * A stand-in's shape, not a plain word (`-u admin:password` is a test's own login); a mask that
 * keeps part of the key (`key-…f7fd5`), not a tool's `****` for the whole of it.
 */
function problemOf(secret: string): Finding['problem'] | null {
  if (isXStandIn(secret) || isFillInWord(secret) || (!/^[a-z]+$/.test(secret) && isPlaceholderToken(secret))) return 'placeholder-token';
  if (!isWholeMask(secret) && isMaskedToken(secret)) return 'masked-token';
  return null;
}

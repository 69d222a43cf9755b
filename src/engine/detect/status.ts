// Finds failing HTTP status codes (4xx, 5xx) in free text: log rows, dialog text, CLI log lines.
// A number is a status only in context: a status word before it ("HTTP 403", "status: 429",
// "Fehlercode 500"), its reason phrase after it ("403 Forbidden", "529 Host Overloaded") or
// before it in brackets ("Forbidden (403)"), or a place in a list that started as a status
// ("HTTP 500/502/503"). Successes and redirects (1xx-3xx) are not failures and are never
// reported.
//
// Linear time: one global regex finds the candidates, then each candidate looks at a bounded
// window of text before and after it.
import type { Finding } from '../types';
import { phraseAfterCode, reasonStartBeforeCode } from './status-reasons';
import {
  hasNonStatusPrefix,
  hasNonStatusSuffix,
  isFollowedByUnit,
  isListGap,
  statusKeywordStart,
} from './status-context';
import { excerptOf } from './text-excerpt';

/** Three digits 400-599 standing alone (not inside "40312", "user_403" or "0x403"). */
const CANDIDATE = /\b[45]\d\d\b/g;

const CLOSING_BRACKET: Record<string, string> = { '(': ')', '[': ']', '"': '"', "'": "'" };

export function detectStatusCodes(text: string): Finding[] {
  const findings: Finding[] = [];
  // End of the digits of the last accepted code, for lists such as "HTTP 500/502/503".
  let lastCodeEnd = -1;
  // End of the last finding's phrase, so that phrases never overlap.
  let lastPhraseEnd = 0;

  for (const candidate of text.matchAll(CANDIDATE)) {
    const codeStart = candidate.index;
    const codeEnd = codeStart + 3;
    const code = Number(candidate[0]);

    const inList = lastCodeEnd >= 0 && isListGap(text, lastCodeEnd, codeStart);
    if (!inList && hasNonStatusPrefix(text, codeStart)) continue;
    if (hasNonStatusSuffix(text, codeEnd)) continue;

    const reasonStart = reasonStartBeforeCode(text, codeStart, code);
    // A reason phrase before the code ("Forbidden (403)") already names it; what follows the
    // bracket belongs to the next phrase.
    const phraseAfter = reasonStart >= 0 ? null : phraseAfterCode(text, codeEnd, code);
    const hasReason = reasonStart >= 0 || phraseAfter !== null;
    // Cheap checks first: the status-word regex is the costliest one.
    if (!hasReason && isFollowedByUnit(text, codeEnd)) continue;
    const keywordStart = statusKeywordStart(text, codeStart);
    if (!hasReason && !inList && keywordStart < 0) continue;

    let start = codeStart;
    if (keywordStart >= 0) start = includeOpeningQuote(text, keywordStart, codeStart);
    else if (reasonStart >= 0) start = reasonStart; // "Forbidden (403)"
    else if (phraseAfter?.closesBracket && isOpeningBracket(text.charAt(codeStart - 1))) {
      start = codeStart - 1; // "(401) Unauthorized"
    }
    let end = phraseAfter?.end ?? codeEnd;
    if (phraseAfter === null && start < codeStart - 1) {
      end = includeClosingBracket(text, codeStart, codeEnd); // "status (500)", "Forbidden (403)"
    }
    lastCodeEnd = codeEnd;
    const previous = findings.at(-1);
    if (previous && start < lastPhraseEnd && previous.code === code) {
      // One code named twice in one phrase: "403 Forbidden (403)".
      previous.end = Math.max(previous.end, end);
      previous.excerpt = excerptOf(text, previous.start, previous.end);
    } else {
      start = Math.max(start, lastPhraseEnd);
      findings.push({ kind: 'http', code, problem: null, start, end, excerpt: excerptOf(text, start, end) });
    }
    lastPhraseEnd = Math.max(lastPhraseEnd, end);
  }
  return findings;
}

/** Extends the end over the bracket or quote that closes the one right before the digits. */
function includeClosingBracket(text: string, codeStart: number, codeEnd: number): number {
  const closing = CLOSING_BRACKET[text.charAt(codeStart - 1)];
  return closing !== undefined && text.charAt(codeEnd) === closing ? codeEnd + 1 : codeEnd;
}

/** Starts a quoted JSON key with its quote: `"statusCode":422`, not `statusCode":422`. */
function includeOpeningQuote(text: string, keywordStart: number, codeStart: number): number {
  const quote = text.charAt(keywordStart - 1);
  if (quote !== '"' && quote !== "'") return keywordStart;
  return text.slice(keywordStart, codeStart).includes(quote) ? keywordStart - 1 : keywordStart;
}

function isOpeningBracket(char: string): boolean {
  return char === '(' || char === '[';
}

// Finds failing HTTP status codes (4xx, 5xx) in free text: log rows, dialog text, CLI log lines.
// A number is a status only in context: a status word before it ("HTTP 403", "status: 429",
// "Fehlercode 500"), its reason phrase after it ("403 Forbidden", "529 Host Overloaded") or
// before it in brackets ("Forbidden (403)"), or a place in a list that started as a status
// ("HTTP 500/502/503"). Successes and redirects (1xx-3xx) are not failures and are never
// reported.
//
// Linear time: one global regex finds the candidates, then each candidate looks at a bounded
// window of text before and after it.
import type { Finding } from '../../types';
import { gluedMemberAt, hasAnyPhraseAfter, hasGluedReason, isNamedStatus, phraseAfterCode, reasonStartBeforeCode } from './status-reasons';
import { readsAsStatusInContext, talksAboutHttpStatus } from './status-discourse';
import { StatusDefault } from './status-default';
import {
  hasNonStatusPrefix,
  isApiErrorNumber,
  hasNonStatusSuffix,
  isFollowedByUnit,
  isListGap,
  endsLineAfterPath,
  isMarkupAttributeValue,
  isRangeBound,
  isThresholdInWords,
  isSmtpReplyCode,
  isStatusElement,
  statusKeywordStart,
} from './status-context';
import { endsFailureMessage, hasMeaningBefore, meaningWordsAfter, quotedMessageEnd } from './status-meaning';
import {
  hasArticleBefore,
  hasQuantifierBefore,
  hasVerbBefore,
  isBracketedAfterFailure,
  isDurationPlural,
  isEventKeyStatus,
  opensQuote,
  pluralActsAsStatus,
  standsAboveBody,
  strongWordAfter,
  weakContextEnd,
} from './status-prose';
import { StatusFields } from './status-fields';
import { isKeyedOtherNumbering } from './keyed-numbering';
import { excerptOf } from '../shared/text-excerpt';
import { execAt } from '../shared/text-match';
import { GLUED_STATUS_WORD } from '../shared/prefilter';

/**
 * Three digits 400-599 standing alone (not inside "40312", "user_403" or "0x403"), or with a
 * plural "s" ("getting 502s").
 */
const CANDIDATE = /\b[45]\d\d(?!\d)/g;
/**
 * Three such digits glued to the word "status", as an error page's label and value run together
 * ("HTTP status401"). A scan of its own: a look-behind in CANDIDATE made every scan five times slower.
 */
const GLUED_CANDIDATE = new RegExp(`${GLUED_STATUS_WORD}(?=[45]\\d\\d(?!\\d))`, 'g');
const STATUS_WORD_LENGTH = 'status'.length;

/**
 * Where the next candidate's digits start, from both scans in text order; -1 at the end. The two
 * regexes are shared by every scan, each scan keeping where it stands: a pair of RegExp objects
 * built per call was a fifth of the status detector's time on a log's quiet rows (node profile).
 * Each exec sets lastIndex from the scan's own position, so a scan inside another stays right.
 */
class CandidateScan {
  private plainFrom = 0;
  private gluedFrom = 0;
  private nextPlain: number;
  private nextGlued: number;

  constructor(private readonly text: string) {
    this.nextPlain = this.advancePlain();
    this.nextGlued = this.advanceGlued();
  }

  next(): number {
    if (this.nextPlain < 0 && this.nextGlued < 0) return -1;
    if (this.nextGlued < 0 || (this.nextPlain >= 0 && this.nextPlain <= this.nextGlued)) {
      const at = this.nextPlain;
      this.nextPlain = this.advancePlain();
      return at;
    }
    const at = this.nextGlued;
    this.nextGlued = this.advanceGlued();
    return at;
  }

  private advancePlain(): number {
    CANDIDATE.lastIndex = this.plainFrom;
    const match = CANDIDATE.exec(this.text);
    this.plainFrom = CANDIDATE.lastIndex;
    return match === null ? -1 : match.index;
  }

  private advanceGlued(): number {
    GLUED_CANDIDATE.lastIndex = this.gluedFrom;
    const match = GLUED_CANDIDATE.exec(this.text);
    this.gluedFrom = GLUED_CANDIDATE.lastIndex;
    return match === null ? -1 : match.index + STATUS_WORD_LENGTH;
  }
}
/** What may follow the digits: the end of a word, or a plural "s" (checked in isPluralSuffix). */
const WORD_CHAR_AT = /[\w]/;

/** A conjunction typed without its space ("429and any 5xx"): the number still ends there. */
const GLUED_CONJUNCTION = /(?:and|or)[ \t]/y;
const UPPER_CASE = /[A-Z]/;

/**
 * The word after the digits was typed without its space: a conjunction ("429and any 5xx"), or any
 * capitalised word after a status word ("status Code 401Body:"). Either way the number ends there.
 */
function isGluedNextWord(text: string, codeStart: number, codeEnd: number): boolean {
  if (execAt(GLUED_CONJUNCTION, text, codeEnd) !== null) return true;
  return UPPER_CASE.test(text.charAt(codeEnd)) && statusKeywordStart(text, codeStart) >= 0;
}

const CLOSING_BRACKET: Record<string, string> = { '(': ')', '[': ']', '"': '"', "'": "'" };

// Every status the text names as one counts, reported or not: a retry rule's list, an error
// table, a heading, a hypothetical ("should return 401") name statuses as much as a log does.
export function detectStatusCodes(text: string): Finding[] {
  const findings = findStatusCodes(text);
  return findings.length === 0 ? findings : withGluedMembers(text, findings);
}

/**
 * Adds the codes glued to the phrase of a finding, one after another: "401 Unauthorized403
 * Forbidden404 Not Found" is three statuses. The digits have no word boundary before them, so the
 * candidate scan never sees them.
 */
function withGluedMembers(text: string, findings: Finding[]): Finding[] {
  // Built anew rather than spliced, so a long run of glued codes stays linear.
  const all: Finding[] = [];
  for (const finding of findings) {
    all.push(finding);
    for (let member = gluedMemberAt(text, finding.end), start = finding.end; member !== null; member = gluedMemberAt(text, start)) {
      all.push({ kind: 'http', code: member.code, problem: null, start, end: member.end, excerpt: excerptOf(text, start, member.end) });
      start = member.end;
    }
  }
  return all.length === findings.length ? findings : all.sort((a, b) => a.start - b.start);
}

function findStatusCodes(text: string): Finding[] {
  const findings: Finding[] = [];
  // End of the digits of the last accepted code, for lists such as "HTTP 500/502/503".
  let lastCodeEnd = -1;
  // End of the last finding's phrase, so that phrases never overlap.
  let lastPhraseEnd = 0;
  const fields = new StatusFields(text);
  const byDefault = new StatusDefault(text);
  // Numbers that passed every "not a status" check but had no context of their own.
  const undecided: Candidate[] = [];
  // Where the digits of each accepted code start, for lists whose context comes last.
  const acceptedAt: number[] = [];

  // An exec loop on copies of its own (a callee may scan for statuses too): matchAll's iterator
  // and Number() on the matched text cost more than the regex itself on a long log.
  const candidates = new CandidateScan(text);
  for (let codeStart = candidates.next(); codeStart >= 0; codeStart = candidates.next()) {
    const codeEnd = codeStart + 3;
    const next = text.charAt(codeEnd);
    const code = threeDigits(text, codeStart);
    if (next !== 's' && WORD_CHAR_AT.test(next) && !hasGluedReason(text, codeEnd, code) && !isGluedNextWord(text, codeStart, codeEnd)) {
      continue;
    }
    const plural = isPluralSuffix(text, codeEnd);
    if (next === 's' && !plural) continue;

    const inList = (lastCodeEnd >= 0 && isListGap(text, lastCodeEnd, codeStart)) || followsStatusClass(text, codeStart);
    const eventKey = isEventKeyStatus(text, codeStart);
    // "503/504": the second may be a list member whose first has no context yet.
    if (!inList && !eventKey && hasNonStatusPrefix(text, codeStart) && !followsListMember(text, codeStart)) continue;
    if (hasNonStatusSuffix(text, codeEnd) || isMarkupAttributeValue(text, codeStart) || isApiErrorNumber(text, codeStart)) continue;
    if (isKeyedOtherNumbering(text, codeStart)) continue;
    // Inside the phrase of the finding before ("403 Forbidden (403)"): counted there.
    const insidePrevious = codeStart < lastPhraseEnd;
    if (plural) {
      if (insidePrevious) continue;
      // "502s" is a status only where people talk about getting them: "getting 502s", "lots of 404s",
      // or after a status word ("in case of error 500s").
      // A later member of a list of plurals ("404s, 503s and 504s") shares the first one's context.
      const afterVerb = hasVerbBefore(text, codeStart);
      const hasContext =
        inList ||
        afterVerb ||
        hasQuantifierBefore(text, codeStart) ||
        pluralActsAsStatus(text, codeStart, codeEnd) ||
        statusKeywordStart(text, codeStart) >= 0;
      const byDefaultPlural = !hasContext && pluralReadsAsStatusByDefault(text, code, codeStart, codeEnd, byDefault);
      let end = hasContext || byDefaultPlural ? weakContextEnd(text, codeEnd) : -1;
      // A verb, or the default reading that already ruled out amounts, makes a plural a status
      // whatever follows: "Getting 401s across the board", "the old name then 502s forever".
      if (end < 0 && (afterVerb || byDefaultPlural)) end = pluralEnd(text, codeEnd);
      if (end < 0) continue;
      lastCodeEnd = end;
      acceptedAt.push(codeStart);
      lastPhraseEnd = pushFinding(findings, text, code, codeStart, end);
      continue;
    }

    // A code without a name has no reason phrase of its own: only a status word, a list, an event
    // key or a generic "error" after it makes it a status, so those are read before the rest.
    // Most numbers of a log stop here.
    const named = isNamedStatus(code);
    const unnamedKeywordStart = named ? -1 : statusKeywordStart(text, codeStart);
    if (!named && unnamedKeywordStart < 0 && !inList && !eventKey && phraseAfterCode(text, codeEnd, code) === null) continue;
    const reasonStart = named ? reasonStartBeforeCode(text, codeStart, code) : -1;
    // A reason phrase before the code ("Forbidden (403)") already names it; what follows the
    // bracket belongs to the next phrase.
    const phraseAfter = reasonStart >= 0 ? null : phraseAfterCode(text, codeEnd, code);
    const hasReason = reasonStart >= 0 || phraseAfter !== null;
    // Cheap checks first: the status-word regex is the costliest one.
    if (!hasReason && isFollowedByUnit(text, codeEnd)) continue;
    if (isSmtpReplyCode(text, codeStart, codeEnd)) continue;
    // The bound of a range ("400 ~ 499") names a class; read late, as few numbers get this far.
    if (isRangeBound(text, code, codeStart, codeEnd) || isThresholdInWords(text, codeStart, codeEnd)) continue;
    const keywordStart = named ? statusKeywordStart(text, codeStart) : unnamedKeywordStart;
    if (!hasReason && !inList && !eventKey && keywordStart < 0) {
      // Without a status word or reason phrase only a code with a name reads as a status.
      if (insidePrevious || !named) continue;
      const end = plainContextEnd(text, code, codeStart, codeEnd, fields);
      if (end < 0) {
        undecided.push({ code, start: codeStart });
        continue;
      }
      lastCodeEnd = codeEnd;
      acceptedAt.push(codeStart);
      lastPhraseEnd = pushFinding(findings, text, code, codeStart, end);
      continue;
    }

    let start = codeStart;
    if (keywordStart >= 0) start = includeOpeningQuote(text, keywordStart, codeStart);
    else if (reasonStart >= 0)
      start = reasonStart; // "Forbidden (403)"
    else if (phraseAfter?.closesBracket && isOpeningBracket(text.charAt(codeStart - 1))) {
      start = codeStart - 1; // "(401) Unauthorized"
    }
    let end = phraseAfter?.end ?? codeEnd;
    if (phraseAfter === null && start < codeStart - 1) {
      end = includeClosingBracket(text, codeStart, codeEnd); // "status (500)", "Forbidden (403)"
    }
    lastCodeEnd = codeEnd;
    acceptedAt.push(codeStart);
    const previous = findings.at(-1);
    if (previous && start < lastPhraseEnd && previous.code === code) {
      // One code named twice in one phrase: "403 Forbidden (403)".
      previous.end = Math.max(previous.end, end);
      previous.excerpt = excerptOf(text, previous.start, previous.end);
    } else {
      if (previous && lastPhraseEnd > codeStart && start > previous.start) {
        // The phrase before ran over this code (a quoted message that holds it): it ends where
        // this one's phrase starts.
        previous.end = start;
        previous.excerpt = excerptOf(text, previous.start, previous.end);
        lastPhraseEnd = start;
      }
      start = Math.max(start, lastPhraseEnd);
      findings.push({ kind: 'http', code, problem: null, start, end, excerpt: excerptOf(text, start, end) });
    }
    lastPhraseEnd = Math.max(lastPhraseEnd, end);
  }
  if (undecided.length === 0) return findings;
  const decided = decideByContext(text, undecided, acceptedAt, findings.length > 0, fields, byDefault);
  if (decided.length === 0) return findings;
  for (const { code, start } of decided) pushFinding(findings, text, code, start, start + 3);
  return findings.sort((a, b) => a.start - b.start);
}

const ZERO = 48;

/** The number written by the three ASCII digits at `at`. */
function threeDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - ZERO) * 100 + (text.charCodeAt(at + 1) - ZERO) * 10 + (text.charCodeAt(at + 2) - ZERO);
}

interface Candidate {
  code: number;
  /** Offset of the digits. */
  start: number;
}

/**
 * Numbers with no context of their own that the rest of the text decides: an earlier member of a
 * list whose last member has context ("503/504 errors", "401, 403 or 404 responses"), then, in a
 * text that talks about statuses, a well-known code standing on its own.
 */
function decideByContext(
  text: string,
  undecided: readonly Candidate[],
  acceptedAt: readonly number[],
  foundAny: boolean,
  fields: StatusFields,
  byDefault: StatusDefault,
): Candidate[] {
  const decided: Candidate[] = [];
  const inList = new Set<Candidate>();
  let next = acceptedAt.length - 1;
  let nextStart = Number.POSITIVE_INFINITY;
  for (let i = undecided.length - 1; i >= 0; i--) {
    const candidate = undecided[i]!;
    while (next >= 0 && acceptedAt[next]! > candidate.start) {
      nextStart = Math.min(nextStart, acceptedAt[next]!);
      next -= 1;
    }
    if (nextStart !== Number.POSITIVE_INFINITY && isListGap(text, candidate.start + 3, nextStart)) {
      inList.add(candidate);
      nextStart = candidate.start;
    }
  }
  for (let i = 1; i < undecided.length; i++) {
    // Two well-known codes joined as a list ("Ignore ConvertKit 502 and 503") name statuses
    // together, when neither reads as an amount or a range.
    const [first, second] = [undecided[i - 1]!, undecided[i]!];
    if (first.code === second.code || !isListGap(text, first.start + 3, second.start)) continue;
    if (readsAsStatusInContext(text, first.start, first.start + 3) && readsAsStatusInContext(text, second.start, second.start + 3)) {
      inList.add(first).add(second);
    }
  }
  const inContext = foundAny || talksAboutHttpStatus(text);
  for (const candidate of undecided) {
    if (inList.has(candidate)) decided.push(candidate);
    else if (
      // Cheap first: the default reading stops at once where no word about HTTP stands near.
      (inContext || byDefault.reads(candidate.start, candidate.start + 3)) &&
      // A request log line has one status; its other numbers are sizes and durations.
      !fields.isRequestLogLine(candidate.start) &&
      readsAsStatusInContext(text, candidate.start, candidate.start + 3)
    ) {
      decided.push(candidate);
    }
  }
  return decided;
}

/** A plural of a well-known code that the default reading makes a status: "confusing 401s when …". */
function pluralReadsAsStatusByDefault(text: string, code: number, codeStart: number, codeEnd: number, byDefault: StatusDefault): boolean {
  return (
    isNamedStatus(code) &&
    !isDurationPlural(text, codeStart, codeEnd) &&
    // What follows the plural "s" must not make an amount either.
    readsAsStatusInContext(text, codeStart, pluralEnd(text, codeEnd)) &&
    byDefault.reads(codeStart, codeEnd)
  );
}

/** "502s", "502's": an "s" (after an apostrophe or not) that ends the word. */
function isPluralSuffix(text: string, codeEnd: number): boolean {
  let at = codeEnd;
  const first = text.charAt(at);
  if (first === "'" || first === '’') at += 1;
  else if (first !== 's') return false;
  return text.charAt(at) === 's' && !/[\p{L}\p{N}_]/u.test(text.charAt(at + 1));
}

/** End of the plural "s" (or "'s") after the digits. */
function pluralEnd(text: string, codeEnd: number): number {
  return codeEnd + (text.charAt(codeEnd) === 's' ? 1 : 2);
}

/** A class listed right before: "4xx、500、501", "5xx, 429" name statuses together. */
const STATUS_CLASS_IN_LIST_BEFORE = /(?<![\w.])[1-5][xX]{2}[ \t]?[/,、，|][ \t]?$/;

function followsStatusClass(text: string, codeStart: number): boolean {
  return STATUS_CLASS_IN_LIST_BEFORE.test(text.slice(Math.max(0, codeStart - 8), codeStart));
}

/** "503/504": the second may be a list member whose first has no context yet. */
function followsListMember(text: string, codeStart: number): boolean {
  return /[45]\d\d[/,][ \t]?$/.test(text.slice(Math.max(0, codeStart - 6), codeStart));
}

/**
 * Where the phrase of a number with no status word or reason phrase ends, when its place or the
 * words around it still make it a status; -1 when they do not. Strongest evidence first.
 */
/** The start of a Markdown heading, right before the digits. */
const HEADING_START = /(?:^|\n)[ \t]{0,3}#{1,6}[ \t]+$/;

function plainContextEnd(text: string, code: number, codeStart: number, codeEnd: number, fields: StatusFields): number {
  const strongEnd = strongWordAfter(text, codeEnd);
  if (strongEnd >= 0) return strongEnd;
  if (hasVerbBefore(text, codeStart)) {
    const end = opensQuote(text, codeStart) ? codeEnd : weakContextEnd(text, codeEnd);
    if (end >= 0) return end;
    // Another code's phrase after it ("returns 404 unauthorized"): only the number is its own.
    if (hasAnyPhraseAfter(text, codeEnd)) return codeEnd;
  }
  if (isBracketedAfterFailure(text, codeStart, codeEnd)) return codeEnd + 1;
  if (hasArticleBefore(text, codeStart)) {
    const end = weakContextEnd(text, codeEnd);
    if (end >= 0) return end;
  }
  if (standsAboveBody(text, codeStart, codeEnd)) return codeEnd;
  // A Markdown heading that opens with the code ("# 401 JWT Token not found", "### 400 -- Bad
  // Request"), unless the words after make it an amount ("# 500 stars").
  const before = text.slice(Math.max(0, codeStart - 10), codeStart);
  // Cheap gate first: a heading has a "#" right before the code.
  if (before.includes('#') && HEADING_START.test(before) && readsAsStatusInContext(text, codeStart, codeEnd)) return codeEnd;
  // Words that say what this very status means, or a quoted failure message that opens with it.
  const meaningEnd = Math.max(meaningWordsAfter(text, code, codeEnd), quotedMessageEnd(text, codeStart, codeEnd));
  if (meaningEnd >= 0) return meaningEnd;
  if (hasMeaningBefore(text, code, codeStart) || endsFailureMessage(text, codeStart, codeEnd)) return codeEnd;
  if (isStatusElement(text, codeStart, codeEnd) || endsLineAfterPath(text, codeStart, codeEnd)) return codeEnd;
  return fields.isStatusCell(codeStart, codeEnd) || fields.isRequestLogStatus(codeStart) ? codeEnd : -1;
}

/** Adds a finding for text[start, end) and returns its end. */
function pushFinding(findings: Finding[], text: string, code: number, start: number, end: number): number {
  findings.push({ kind: 'http', code, problem: null, start, end, excerpt: excerptOf(text, start, end) });
  return end;
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

// A row's findings as content.js judges them: status codes right away, plus the network,
// credential and rate-limit findings of content-extras.js once it is loaded.
import { mayHaveCredentialOrRateLimit, mayHaveJson, mayHaveNetworkError, STATUS_CANDIDATE } from '../../engine/detect/shared/prefilter';
import { mayHoldCredentialWord } from '../../engine/detect/credential/credential-words';
import { mayHoldPrefixedKey } from '../../engine/detect/credential/prefixed-key-shape';
import { detectStatusCodes } from '../../engine/detect/status/status';
import { findWith, type TextDetector } from '../../engine/find/pipeline';
import { STATUS_DETECTOR } from '../../engine/find/status-part';
import type { Finding } from '../../engine/types';
import { mayHoldUnnamedSecretSlot } from '../../engine/secret-url-slots';
import { BIDI_ISOLATE } from '../../engine/text';
import type { ContentExtras } from '../runtime/extras-api';
import type { ChunkRunner, ChunkWork } from './scheduler';

/**
 * True when the detectors of content-extras.js may find something in `text`: only rows that pass
 * wait for content-extras.js (the network detector lives there too, to keep content.js small).
 * The credential scans' own words let a row through (a key field, `Authentication:`), and so does
 * a key typed half hidden (`sk-proj-ab12…yz89`) with no key name beside it: its vendor's prefix,
 * as the credential pass knows it; so does a run of mask characters, which tells a value typed
 * half hidden with no key name or prefix at all (`curl -u AC1f…:9f8e****`); so does a URL whose
 * secret slot no word names (`tgram://…`, `api.telegram.org/bot…`). The credential
 * detector's own hint is wider (words such as "invalid" or "bad"), and would send every "502 Bad
 * Gateway" row to wait for content-extras.js.
 */
export function needsExtras(text: string): boolean {
  return (
    MASK_RUN.test(text) ||
    mayHaveCredentialOrRateLimit(text) ||
    mayHoldCredentialWord(text) ||
    mayHoldPrefixedKey(text) ||
    mayHoldUnnamedSecretSlot(text) ||
    mayHaveNetworkError(text) ||
    mayHaveJson(text)
  );
}

/** Three mask characters in a row: what a masked value shows whatever its name. */
const MASK_RUN = /[*•●]{3}/;

const STATUS_ONLY = [STATUS_DETECTOR];
/** The detector list of each extras instance (one array, not one per row). */
const allDetectors = new WeakMap<ContentExtras, readonly TextDetector[]>();

/**
 * The findings of a row's text through the engine's one entry point: the status detector at
 * once, all of findAll's detectors once content-extras.js is loaded. A row `needsExtras` turns
 * away gets the status detector alone either way (the credential and rate-limit readers have
 * no prefilter of their own, and were a third of the scan of a 10,000-row log), so a row is
 * judged the same before and after content-extras.js arrives; the receiver's words still
 * enrich its findings.
 */
export function detectRow(fullText: string, extras: ContentExtras | null): Finding[] {
  const judged = judgeRow(fullText, extras);
  return judged.complete ? judged.complete() : judged.findings;
}

/** A row judged in two steps: what its badge shows now, and the receiver's words later. */
export interface RowJudgement {
  /** The findings as the badge shows them (`complete` only adds the receiver's words to them). */
  findings: Finding[];
  /** Reads the receiver's words into the findings and returns them all as detectRow would; null when done. */
  complete: (() => Finding[]) | null;
}

/**
 * detectRow in two steps. The receiver's words of a row that has findings already (an error body
 * beside a status) are for its card and the worker's diagnosis: reading them later took about a
 * twentieth off our callback's thread time on a 10,000-row insertion (interleaved A/B runs). They
 * can wait until the badges are in; a row with no finding yet reads them at once, since they
 * alone can make its badge. In rare rows the words change the badge (a receiver's refusal before the status, 9 of 3,770 texts with
 * findings in the eval sets and the bench log): its owner re-renders it then.
 */
export function judgeRow(fullText: string, extras: ContentExtras | null): RowJudgement {
  const text = withoutIsolationMarks(upToCandidateLimit(fullText));
  if (!extras) return { findings: findWith(text, STATUS_ONLY), complete: null };
  let detectors = allDetectors.get(extras);
  if (!detectors) allDetectors.set(extras, (detectors = [STATUS_DETECTOR, ...extras.detectors]));
  // findWith with its enrichers is these two steps: detection, then each enricher in place.
  const found = findWith(text, needsExtras(text) ? detectors : STATUS_ONLY);
  const enrich = () => {
    for (const enricher of extras.enrichers) enricher(text, found);
    return withoutLimitsOfSuccesses(found, text);
  };
  if (found.length > 0 && extras.enrichers.length > 0) {
    // A copy: the enrichers add to `found`, and what the badge shows now must not change under it.
    const findings = withoutLimitsOfSuccesses([...found], text);
    if (findings.length > 0) return { findings, complete: enrich };
  }
  return { findings: enrich(), complete: null };
}

/**
 * judgeRow once the document is parsed; detectRow whole while it loads: chunks of receiver words
 * then slowed the scan that follows the parser, which left twice the rows to its last catch-up in
 * the parser's last task (traces of a 10,000-row server-rendered log).
 */
export function judgeRowIn(doc: Pick<Document, 'readyState'>, fullText: string, extras: ContentExtras | null): RowJudgement {
  if (doc.readyState !== 'loading') return judgeRow(fullText, extras);
  return { findings: detectRow(fullText, extras), complete: null };
}

/**
 * A row is read up to its 2,000th number shaped like a failing status. Each such number costs the
 * status detector its context checks: a 64 KB row of "500 500 …" (16,000 of them) was one task
 * of about 50 ms. No log row a person reads holds that many; a log dumped into one element is
 * still read for its first 2,000.
 */
export const MAX_STATUS_CANDIDATES = 2_000;
/** Each candidate takes at least this many characters (three digits and a boundary). */
const MIN_CANDIDATE_SPAN = 4;
const EVERY_CANDIDATE = new RegExp(STATUS_CANDIDATE.source, 'g');

function upToCandidateLimit(text: string): string {
  if (text.length <= MAX_STATUS_CANDIDATES * MIN_CANDIDATE_SPAN) return text;
  EVERY_CANDIDATE.lastIndex = 0;
  let count = 0;
  for (let match = EVERY_CANDIDATE.exec(text); match !== null; match = EVERY_CANDIDATE.exec(text)) {
    if (++count > MAX_STATUS_CANDIDATES) return text.slice(0, match.index);
  }
  return text;
}

/**
 * Bidi isolation marks (U+2066-U+2069) are invisible: i18n libraries (Fluent, ICU, Android's
 * BidiFormatter) put them around every value they substitute, so a localised dashboard shows
 * "HTTP 502 Bad Gateway" with a mark on each side of the number. Overrides (U+202A-U+202E),
 * which reorder what a reader sees, stay: a code disguised by one gets no badge.
 */
const ISOLATION_MARK = new RegExp(BIDI_ISOLATE.source, 'g');

function withoutIsolationMarks(text: string): string {
  ISOLATION_MARK.lastIndex = 0;
  return ISOLATION_MARK.test(text) ? text.replace(ISOLATION_MARK, '') : text;
}

/** A success the row states as its response ("HTTP 200" as a status cell reads, "204 No Content"). */
const STATED_SUCCESS = /\bHTTP 2\d\d\b|\b2\d\d (?:OK|Created|Accepted|No Content)\b/;
const STATED_LIMIT = /\b429\b/;

/**
 * A row that states a successful response is not rate limited by a Retry-After header shown beside
 * it (a note column, a header dump): only a 429 the row states too keeps that finding.
 */
function withoutLimitsOfSuccesses(findings: Finding[], text: string): Finding[] {
  if (!findings.some((finding) => finding.kind === 'rate-limit')) return findings;
  if (!STATED_SUCCESS.test(text) || STATED_LIMIT.test(text)) return findings;
  return findings.filter((finding) => finding.kind !== 'rate-limit');
}

/**
 * Short lines that together make V8 compile every regex of the status detector. Each goes in a
 * task of its own: compiling them all on first use costs 30-60 ms, too long for one task.
 */
const WARM_UP_LINES = ['status 404', '404 Not Found', 'Forbidden (403)'];

/**
 * Lines that take every detector of content-extras.js through its costly regexes: the credential
 * sentences (alternations of up to 16 KB), JSON parse errors, network errors, rate limits. A trace
 * of a server-rendered log showed V8 compiling them inside the first chunk that judged a row with
 * them, 45 ms on top of the chunk's own 30. Each line runs twice: V8 interprets a regex on its
 * first run and compiles it to machine code on the second.
 */
const EXTRAS_WARM_UP_LINES = [
  'Error: the Bearer prefix was missing from the Authorization header',
  'the masked token **** was saved back and sent',
  'the placeholder {{api_key}} was not replaced',
  'SyntaxError: Unexpected token } in JSON at position 12',
  'connect ECONNREFUSED 10.0.0.1:443',
  'HTTP 429 Too Many Requests, Retry-After: 30',
];

/**
 * Runs the steps in chunks of `runner` (tasks of their own): at least one step a chunk, more while
 * the chunk's time lasts, so that cheap steps do not each wait for a turn of their own.
 */
function warmUp(steps: readonly (() => unknown)[], createRunner: (work: ChunkWork) => ChunkRunner): Promise<void> {
  let next = 0;
  const runner = createRunner((timeUp) => {
    do steps[next++]?.();
    while (next < steps.length && !timeUp());
    return next < steps.length;
  });
  runner.request();
  return runner.whenIdle();
}

/**
 * Runs a regex on nothing, twice: V8 compiles a regex to bytecode on its first run and to machine
 * code on its second. For one regex of a few KB both take a few milliseconds.
 */
function compileNow(regex: RegExp): void {
  for (let run = 0; run < 2; run++) {
    regex.lastIndex = 0;
    regex.test('');
  }
  regex.lastIndex = 0;
}

/** Runs the status detector on the warm-up lines, one per task. */
export function warmUpDetectors(createRunner: (work: ChunkWork) => ChunkRunner): Promise<void> {
  return warmUp(
    WARM_UP_LINES.map((line) => () => detectStatusCodes(line)),
    createRunner,
  );
}

/**
 * Compiles the big regexes of content-extras.js one per task, then runs every detector on its
 * warm-up lines, one per task, before rows use them.
 */
export function warmUpExtraDetectors(extras: ContentExtras, createRunner: (work: ChunkWork) => ChunkRunner): Promise<void> {
  const compile = extras.heavyRegexes.map((regex) => () => compileNow(regex));
  const lines = [...EXTRAS_WARM_UP_LINES, ...EXTRAS_WARM_UP_LINES].map((line) => () => detectRow(line, extras));
  return warmUp([...compile, ...lines], createRunner);
}

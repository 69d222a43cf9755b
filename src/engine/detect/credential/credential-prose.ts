// Credential mistakes told in sentences rather than shown in a header: "the Bearer prefix was
// missing", "the masked key (****) was saved back and sent", "Incorrect API key provided:
// YOUR_API_KEY", in the languages people write issues in. The sentences themselves are in
// credential-told.ts; this module finds them around anchor words, and reads receivers' echoes
// and stand-in values given as keys.
import type { Finding } from '../../types';
import { isPlaceholderToken } from './credential-classify';
import { DOCUMENTATION_SIGNAL, FAILURE_SIGNAL, isLogLineAt, isTroubleshootingPage } from './credential-context';
import { addressesOnlyTheReader, followsAnInstruction, substitutedTheExample } from './credential-register';
import { statesAFormat } from './credential-in-text';
import { ruledOut, TOLD_ANCHORS, TOLD_SENTENCES, type ToldProblem } from './credential-told';
import { redactedExcerptOf } from '../shared/text-excerpt';
import { unionMatches } from '../shared/regex-union';

type Problem = ToldProblem;

/**
 * Every anchor in one pass (one group per kind), so that a long log without such words costs a
 * single scan. No u flag: its case folding makes a scan of a long text several times slower.
 */
export const PROSE_ANCHORS = [
  ...TOLD_ANCHORS,
  '(incorrect|invalid|wrong|bad|unknown|unrecognized)',
  '(your|insert|enter|paste|replace|api%20key|sk-)',
] as const;
const ANCHORS = new RegExp(PROSE_ANCHORS.join('|'), 'gi');
const ANCHOR_PROBLEMS: readonly Problem[] = ['missing-bearer-prefix', 'masked-token', 'placeholder-token'];
/** Characters read on each side of an anchor: longer than any sentence pattern reaches. */
const SENTENCE_REACH = 200;
/** Anchors read per text, so that a page full of them stays cheap. */
const MAX_ANCHORS = 256;

/**
 * A receiver that echoes the credential it got: "Incorrect API key provided: sk-xxxx". The
 * value is judged (placeholder or not), never copied. Sticky: tried at an anchor.
 */
const ECHOED_CREDENTIAL =
  /(?:incorrect|invalid|wrong|bad|unknown|unrecognized)\s+(?:[A-Z][A-Za-z]{1,20}\s+)?(?:api\s*key|token|key|credentials?|access\s+token)(?:\s+provided)?\s*[:=]\s*["'`]?(\$\{[^}\s]{1,80}\}|(?:[A-Za-z]{2,20} ){1,4}(?:key|token|secret)\b(?![ \t]+[A-Za-z])|[^\s"'`,;]{1,120})/iy;

/**
 * A stand-in value written where a key goes: `API_KEY=your-api-key-here`, `- "your-api-key-1"`,
 * `appid=API%20KEY%20GOES%20HERE`, `set to "YOUR_API_KEY"`, `your_groq_api_key_here`. Sticky.
 */
const PLACEHOLDER_VALUE =
  /(?:(?:your|insert|enter|paste|replace)[-_ %20a-z]{0,30}(?:key|token|secret)(?:[-_ ]?(?:\d|here))?(?![\w-])|api%20key%20goes%20here|sk-(?:x{4,}|your)[\w*-]*)/iy;
/** Where such a value is given: after `=` or `:`, "set to", a YAML list dash, or alone on its line. */
const ASSIGNED_BEFORE = /(?:[:=]\s*|set\s+to\s+|\n[ \t]*-[ \t]+|\n[ \t]*)["'`]{0,2}$/;

function finding(problem: Problem, text: string, start: number, end: number, excerpt?: string): Finding {
  return { kind: 'credential', code: null, problem, start, end, excerpt: excerpt ?? redactedExcerptOf(text, start, end) };
}

/**
 * The first sentence of `problem` in [from, to) that says the mistake happened, if any. Windows
 * of one problem are read from where the last one ended (less one reach, so a sentence across the
 * seam is still whole), so a text full of anchors is read about twice, not once per anchor.
 */
function sentenceIn(text: string, problem: Problem, from: number, to: number): Finding | null {
  for (const match of unionMatches(TOLD_SENTENCES[problem], text.slice(from, to))) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (!ruledOut(problem, text, start, end)) return finding(problem, text, start, end);
  }
  return null;
}

/** A placeholder echoed by the receiver, at an anchor ("Incorrect API key provided: …"). */
function echoAt(text: string, at: number): Finding | null {
  ECHOED_CREDENTIAL.lastIndex = at;
  const match = ECHOED_CREDENTIAL.exec(text);
  const value = match?.[1];
  if (!match || value === undefined || echoedProblem(value) === null) return null;
  const label = `${match[0].slice(0, match[0].length - value.length)}(placeholder)`;
  return finding('placeholder-token', text, at, at + match[0].length, label);
}

/** A stand-in value given as a key, at an anchor, in a text where something failed (not a doc). */
function placeholderValueAt(text: string, at: number): Finding | null {
  if (/[\w-]/.test(text.charAt(at - 1))) return null;
  PLACEHOLDER_VALUE.lastIndex = at;
  const match = PLACEHOLDER_VALUE.exec(text);
  const before = text.slice(Math.max(0, at - 24), at);
  if (!match || !ASSIGNED_BEFORE.test(before)) return null;
  const end = at + match[0].length;
  // A quoted value ends at its quote; an unquoted one followed by words is a sentence
  // ("- Your API key is incorrect", "\"Your AccountSid or AuthToken was incorrect\"").
  const quote = /["'`]$/.exec(before)?.[0];
  const after = text.slice(end, end + 2);
  if (quote ? !after.startsWith(quote) : /^[ \t]+[A-Za-z]/.test(after)) return null;
  // A reply's example ("you can also specify the API key directly:" and a block): the reader's blank.
  // A header under "# Correct" or "Wrong way:" is a doc's format, as it is for quoted headers.
  if (followsAnInstruction(text, at) || statesAFormat(text, at)) return null;
  return finding('placeholder-token', text, at, end);
}

/** Lines looked at to tell a machine log from prose. */
const SAMPLE_LINES = 40;

/**
 * True for text that a program wrote line by line (most lines start with a timestamp or level):
 * people tell of their mistakes in prose, and a long log is read for headers only.
 */
export function looksLikeMachineLog(text: string): boolean {
  let lines = 0;
  let logLines = 0;
  for (let start = 0; start < text.length && lines < SAMPLE_LINES; lines++) {
    if (isLogLineAt(text, start)) logLines += 1;
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    start = end + 1;
  }
  return lines >= 8 && logLines >= lines * 0.75;
}

/** Credential mistakes that a sentence tells, each at most once per text and problem. */
export function detectCredentialSentences(text: string): Finding[] {
  if (looksLikeMachineLog(text)) return [];
  const found = new Map<Problem, Finding>();
  const readTo = new Map<Problem, number>();
  let failed: boolean | undefined;
  ANCHORS.lastIndex = 0;
  for (let count = 0; count < MAX_ANCHORS && found.size < ANCHOR_PROBLEMS.length; count++) {
    const anchor = ANCHORS.exec(text);
    if (!anchor) break;
    const start = anchor.index;
    const end = start + anchor[0].length;
    const group = anchor.slice(1).findIndex((value) => value !== undefined);
    const sentenceProblem = ANCHOR_PROBLEMS[group];
    let item: Finding | null = null;
    if (sentenceProblem !== undefined) {
      const to = Math.min(text.length, end + SENTENCE_REACH);
      const last = readTo.get(sentenceProblem) ?? 0;
      if (!found.has(sentenceProblem) && to > last) {
        item = sentenceIn(text, sentenceProblem, Math.max(0, start - SENTENCE_REACH, last - SENTENCE_REACH), to);
        readTo.set(sentenceProblem, to);
      }
    } else if (!found.has('placeholder-token')) {
      if (group === 3) item = echoAt(text, start);
      else if (
        (failed ??=
          FAILURE_SIGNAL.test(text) &&
          !DOCUMENTATION_SIGNAL.test(text) &&
          !isTroubleshootingPage(text) &&
          !substitutedTheExample(text) &&
          // A guide that speaks only to its reader ("Paste your API token") names the reader's value.
          !addressesOnlyTheReader(text))
      )
        item = placeholderValueAt(text, start);
    }
    if (item) found.set(item.problem as Problem, item);
  }
  return [...found.values()];
}

/**
 * Words the receiver got where a key goes: a name of the key (`openai_key`) or a word people
 * type for "nothing real" (`hello`, `no-token`, `not-needed`). A short run of letters alone
 * (`fhhgg`) may be a wrong value typed by hand, which is no stand-in.
 */
const ECHOED_WORDS =
  /^(?:[a-z]{2,20}[-_]){1,3}(?:key|token|secret)$|^(?:no|not|none|missing|empty|dummy|fake|test|hello|foo|bar)(?:[-_][a-z]{2,20}){0,2}$/;
/** A variable's name echoed with the receiver's own mask in its middle (`OPENAI_A**_KEY`): the name was sent. */
const ECHOED_NAME = /^[A-Z][A-Z_]{0,30}\*{1,8}[A-Z_]{0,30}_(?:KEY|TOKEN|SECRET)$/;

/** A title of words ending in what it names (`MailChimp API Key`): the field's label went out as the key. */
const ECHOED_TITLE = /^(?:[A-Za-z]{2,20} ){1,4}(?:key|token|secret)$/i;

function echoedProblem(value: string): Problem | null {
  // "provided: apiKey: ****": a field's label, and the key after it is masked by the receiver.
  if (value.endsWith(':')) return null;
  // "provided: undefined": the value was never set, which is not a stand-in left in.
  if (/^(?:undefined|null|none|nil)\W*$/i.test(value)) return null;
  const bare = value.replace(/[.,;:)]+$/, '').replace(/^\$\{|\}$/g, '');
  if (/your|insert|enter|paste|replace|x{4,}|api%20key|here$/i.test(bare) || isPlaceholderToken(bare)) return 'placeholder-token';
  // "${sk-…}" or "<sk-…>": the template's brackets went out with the key.
  if (/^\$\{/.test(value) || /^<.+>$/.test(bare)) return 'placeholder-token';
  if (ECHOED_WORDS.test(bare) || ECHOED_NAME.test(bare) || ECHOED_TITLE.test(bare)) return 'placeholder-token';
  // A receiver that masks the key in its own message ("sk-ab12****89") is being careful, and
  // says nothing about what was sent.
  return null;
}

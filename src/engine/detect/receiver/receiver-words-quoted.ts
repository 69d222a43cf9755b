// The receiver's words as a writer quotes them in prose, with no body around them. A careful
// reader takes a quoted message as what came back when the words right before the quote say so
// ("I'm getting this error message when …:" / `[API] This action requires …`, "we received the
// following response from the API, "…"", "Sendgrid kept sending an error "…"", "ERROR: `…`"),
// and when an issue's title is an error message that the body repeats (the writer names as their
// problem the words they got). Either way the words must read as a refusal of the receiver's: not
// the writer's own webhook-signature check, a runtime's error or a UI's generic apology.
import { execAll } from '../shared/text-match';
import { codeForReasonPhrase } from '../status/status-reasons';
import { ERROR_WORDS, isFromReceiver } from './receiver-words-loose';
import { repeatsStatus } from './receiver-words-plain';
import { isClientsOwnError } from './receiver-words-thrown';

export interface QuotedWords {
  start: number;
  end: number;
  message: string;
}

/** A quote on one line: backticks, straight or curly double quotes, or bold marks, 3 to 300 characters. */
const QUOTE = /`([^`\n]{3,300})`|"([^"\n]{3,300})"|“([^”\n]{3,300})”|\*\*([^*\n]{3,300})\*\*/g;

/** How much text before a quote is read for the words that present it. */
const CUE_REACH = 120;

/**
 * Words that present the quote as what came back, ending right before it: a verb of getting,
 * seeing or saying (`I'm getting this error message when …:`, `we received the following response
 * from the API,`, `Sendgrid kept sending an error`, `it say`), or a label that names it (`ERROR:`,
 * `Error message is:`, `response:`); at most a few words of the same clause between (no sentence
 * end and no other quote).
 */
const PRESENTS =
  /(?:\b(?:get|gets|got|getting|receiv(?:e|es|ed|ing)|see|seeing|saw|says?|said|shows?|showing|(?:kept|keeps) sending|returns|returned|respond(?:s|ed)|throws|threw|replie[sd])\b[^.!?\n"`“”*]{0,70}?|\b(?:error|error message|response|message)(?: is| was)?[ \t]*:)[ \t]*[:,]?[ \t]*(?:\r?\n[ \t]*)?$/i;

/** The writer asking, proposing, documenting or supposing: "should return", "will return", "e.g.", "instead". */
const NOT_REPORTED =
  /\b(?:should|would|could|will|can|expected|e\.g\.|for example|such as|instead|rather than|like)\b|^\W*(?:when|whenever|if)\b/i;

/** Code before the quote on its line: a diff's changed line, a call, an assignment, a return or a throw. */
const CODE_BEFORE = /^[ \t]*[+-]|[({=]|\b(?:return|throw|raise)\b/;

/**
 * Words the writer speaks (first person, see asQuotedAnswer), code (an assignment, a call, a path, a
 * template), a command, a status number (the writer's own client line) or a runtime's parser or socket error:
 * a quote of those is no answer.
 */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Mm]y|[Oo]ur|me)\b/;
const NOT_WORDS =
  /[=;{}$<>\\]|::|#\w|\w\(|^\s*(?:curl|wget|npm|pip|git|POST|GET|PUT)\b|\.(?:js|ts|py|rb|php|java|go)\b|\b[45]\d\d\b|\bos error\b|\b(?:EOF|JSON|pars(?:e|ing)|decod(?:e|ing)|syntax error|expecting value|unexpected token|looking for beginning|command not found|name resolution|fetch failed|failed to fetch|is not defined|cannot read propert\w*|(?:Type|Reference|Range)Error)\b|^error (?:\w+ing|in|while|when|during)\b|^\d/i;

/**
 * An application's generic apology to its user ("Whoops, something went wrong", "There was an
 * error trying to send your message. Please try again later."): the sender's UI, not a receiver
 * saying what it refused.
 */
export const GENERIC_APOLOGY =
  /\bsomething went wrong\b|\bplease try again later\b|\bthere was an error trying to\b|^(?:an )?(?:unexpected |unknown )?error(?: has)? occurred\.?$/i;

/**
 * The words of a quote as the receiver's message, or null (see the module comment). A field of the
 * answer's own record (`inRecord`) may speak in the first person ("The request signature we
 * calculated …"); a quote in prose that does is the writer's.
 */
export function asQuotedAnswer(quoted: string, inRecord = false): string | null {
  const words = quoted.trim().replace(/^(?:error|err)[ \t]*:[ \t]*/i, '');
  if (words.length < 3 || !/\s/.test(words) || NOT_WORDS.test(words) || GENERIC_APOLOGY.test(words)) return null;
  if (!inRecord && FIRST_PERSON.test(words)) return null;
  if (!ERROR_WORDS.test(words) || !isFromReceiver(words) || isClientsOwnError(words) || repeatsStatus(words)) return null;
  return codeForReasonPhrase(words.replace(/[.!]+$/, '')) === undefined ? words : null;
}

/**
 * A remote party in the text: a URL, or the words for an API, a server, an endpoint, a request or
 * a response (an "API key" or an "API address" is the writer's own setting). Without one a quoted error is as often the writer's own program speaking (a
 * plugin that cannot start, a local library's check).
 */
const REMOTE = /https?:\/\/|\b(?:API|server|endpoint|webhook)\b(?![ \t_-]?(?:keys?|address|tokens?)\b)|\b(?:response|request)\b/i;

/** Where a sentence ends inside a line: what comes before it is another clause. */
const SENTENCE_END = /[.!?](?=\s)/;
/** An opening brace before the quote that no brace closes: the quote is a field of a body, read elsewhere. */
const INSIDE_BODY = /\{[^}]*$/;

/** A diff in the text: its quotes are code being changed. */
const DIFF = /^(?:@@ -\d|diff --git|`{3,}diff\b)/m;

/** The first quote in `text` that words before it present as what came back (see PRESENTS). */
export function findQuotedAnswer(text: string): QuotedWords | null {
  if (!/[`"“*]/.test(text) || DIFF.test(text) || !REMOTE.test(text)) return null;
  for (const match of execAll(QUOTE, text)) {
    const before = text.slice(Math.max(0, match.index - CUE_REACH), match.index);
    const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
    if (CODE_BEFORE.test(lineBefore) || INSIDE_BODY.test(before)) continue;
    // The quote's own line, or the line above when the quote opens its line (a cue ending in a colon).
    const line = lineBefore.trim() === '' ? before.replace(/\s+$/, '').split('\n').at(-1)! + '\n' : lineBefore;
    const clause = line.split(SENTENCE_END).at(-1)!;
    if (!PRESENTS.test(clause) || NOT_REPORTED.test(clause)) continue;
    const message = asQuotedAnswer(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
    if (message !== null) return { start: match.index, end: match.index + match[0].length, message };
  }
  return null;
}

/** An issue's title: a Markdown heading on the text's first line. */
const TITLE = /^[ \t]*#{1,3}[ \t]+([^\n]{8,300})/;
/**
 * What a title puts before the message: exception classes with their colons (`Error:`,
 * `UnhandledPromiseRejectionWarning: Error:`, `DiscordAPIError[10015]:`), a vendor's name.
 */
const TITLE_LABELS =
  /^(?:[\w.:\\$-]{0,60}(?:Error|Exception|Warning)(?:\[\w{1,12}\])?[ \t]*:[ \t]*|[A-Z][\w-]{1,20}[ \t]+(?:error|api error)[ \t]*:[ \t]*)+/i;
/** A title that asks for a change or asks a question: the writer's task, not the message they got. */
const TASK_TITLE =
  /^(?:add|fix|handle|support|allow|improve|show|make|use|update|remove|return|treat|implement|expand|display|provide|feature|refactor|chore|docs?|don'?t|do not|how|why|what|when|can|is|are|should|does|please)\b/i;
/** A title of fewer words names a topic ("Invalid API Key"), which a body may well repeat. */
const MIN_TITLE_WORDS = 4;
/** How much of a long title's message the body must repeat. */
const MIN_REPEAT = 12;
const MAX_REPEAT = 60;

/**
 * How many copies of the title are read, and how much of each one's line: a hostile page's long
 * line repeating the title made each copy read the rest of the line (quadratic).
 */
const MAX_COPIES = 20;
const MAX_COPY_LINE = 1_000;

function lineFrom(text: string, at: number): string {
  const rest = text.slice(at, at + MAX_COPY_LINE);
  const lineEnd = rest.indexOf('\n');
  return lineEnd === -1 ? rest : rest.slice(0, lineEnd);
}

/**
 * The message an issue's title names when the body repeats it: the body's copy, to the end of its
 * line or quote. The title alone may be the writer's summary; repeated, it is what they got.
 */
export function findTitleRepeated(text: string): QuotedWords | null {
  const title = TITLE.exec(text)?.[1];
  if (title === undefined || !REMOTE.test(text)) return null;
  const core = title
    .replace(TITLE_LABELS, '')
    .replace(/[`"“”*]/g, '')
    .trim();
  if (core.length < MIN_REPEAT || core.split(/\s+/).length < MIN_TITLE_WORDS || TASK_TITLE.test(core)) return null;
  const head = core.slice(0, MAX_REPEAT).toLowerCase();
  const bodyStart = text.indexOf('\n') + 1;
  if (bodyStart === 0) return null;
  const lower = text.toLowerCase();
  const firstLineBreak = text.indexOf('\n', bodyStart + Math.max(0, text.slice(bodyStart).search(/\S/)));
  const firstLineEnd = firstLineBreak === -1 ? text.length : firstLineBreak;
  let copies = 0;
  for (let at = lower.indexOf(head, bodyStart); at !== -1 && copies++ < MAX_COPIES; at = lower.indexOf(head, at + 1)) {
    const before = text.slice(Math.max(0, at - LABEL_REACH), at);
    // A body that opens with its title's words restates the title; a later copy is what was printed.
    const restatesTitle = at < firstLineEnd && !/[`"“*][ \t]*$/.test(before);
    if (restatesTitle || !OPENS_OUTPUT.test(before)) continue;
    const rest = lineFrom(text, at);
    const quoteEnd = rest.search(/[`"”*]/);
    const message = asQuotedAnswer(quoteEnd === -1 ? rest : rest.slice(0, quoteEnd));
    if (message !== null) return { start: at, end: at + message.length, message };
  }
  return null;
}

/** How far before the body's copy its label or quote mark is looked for. */
const LABEL_REACH = 80;
/**
 * The body's copy stands as printed output: it opens its line, or follows a quote or emphasis
 * mark, or a label's colon (`Error: `, `teams webhook post error: `).
 */
const OPENS_OUTPUT = /(?:^|\n)[ \t>]*$|[`"“*][ \t]*$|:[ \t]*$/;

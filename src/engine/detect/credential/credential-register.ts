// Who is speaking and in what mood: a report tells of something that happened (an actor, a past
// or ongoing event), while a doc states a rule, a feature request describes what should happen and
// a guard says what the code now prevents. A sentence about a credential mistake counts only in a
// report. These judgements read the sentence and its surroundings, never one text's words.
import { FAILURE_SIGNAL } from './credential-context';

/**
 * A writer (`subject`: "i", or "i" and "we") telling what they did and what came back: "when I
 * executed …, I got …", "I am getting …".
 */
function firstPersonEvent(subject: string): RegExp {
  return new RegExp(
    String.raw`\b${subject}(?:['’]ve|\s+have|\s+had)?\s+(?:just\s+|then\s+|also\s+|still\s+|always\s+)?(?:execut(?:e|ed|ing)|ran|run|tried|try|got|get|gets|getting|sent|send|call(?:ed)?|used|receiv(?:e|ed)|see|saw|keep\s+getting)\b|\bI\s+(?:use|am\s+using)\b|\bI['’]m\s+using\b|\b${subject}(?:['’]m|['’]re|\s+am|\s+are|\s+was|\s+were)\s+(?:still\s+|always\s+|now\s+)?(?:getting|receiving|seeing)\b`,
    'i',
  );
}
const FIRST_PERSON_EVENT = firstPersonEvent('(?:i|we)');
/** Only "I": a vendor's doc speaks as "we" ("we send", "we call your endpoint", "we receive"). */
const SINGULAR_FIRST_PERSON_EVENT = firstPersonEvent('i');

/** True when the text tells of a writer's own attempt and its outcome, whatever else it quotes. */
export function readsAsFirstPersonReport(text: string): boolean {
  return FIRST_PERSON_EVENT.test(text);
}

/**
 * A first-person report strong enough to outweigh a doc's words around a stand-in: only "I" counts,
 * since the doc itself may speak as "we".
 */
export function readsAsOwnReportOverDocWords(text: string): boolean {
  return SINGULAR_FIRST_PERSON_EVENT.test(text);
}

/**
 * A request that ran, told without a failure word: a bug form's "To Reproduce" or "Actual"
 * section, an outcome denied ("didn't work", "no dice", "is not used", "not triggered", "still
 * getting 403s", "the field does not have any impact", "is ignored"), a status a program printed
 * (`status = 422`).
 */
const RUN_OUTCOME =
  /^[ \t]*(?:#{1,6}[ \t]*|\*\*|__)?(?:to[ \t]+reproduce|steps[ \t]+to[ \t]+reproduce|actual(?:[ \t]+(?:behaviou?r|result|output))?|current[ \t]+behaviou?r|describe[ \t]+the[ \t]+bug)\b|\b(?:did(?:n['’]?t|[ \t]+not)[ \t]+work|no[ \t]+(?:dice|luck)|(?:has|have|had)[ \t]+no[ \t]+(?:effect|impact)|(?:does|do|did)(?:n['’]?t|[ \t]+not)[ \t]+(?:have|has)[ \t]+any[ \t]+(?:effect|impact)|(?:is|are|was|were|gets?|got)[ \t]+(?:silently[ \t]+|simply[ \t]+|just[ \t]+)?ignored|(?:is|was|were|are)[ \t]+(?:not|never)[ \t]+(?:used|triggered|sent|accepted|applied|read|picked[ \t]+up)|(?:still|keep|keeps)[ \t]+getting|status(?:[ \t]+code)?[ \t]*[=:][ \t]*[45]\d\d|[45]\d\ds)\b/im;

/**
 * What a program said when it ran: an exception's class name (`SyntaxError`, `HttpException`,
 * `MailjetUnauthorizedException`; case-sensitive, so `terror` is none), a status it answered
 * with ("returns 404", "responds with a 500"; not "returns 500 rows", nor a reference page's
 * "returns 404 if the key does not exist"), a trigger that never ran
 * ("never runs").
 */
const RUN_OUTPUT =
  /\b[A-Z][a-z]\w*(?:Error|Exception)\b|\b(?:[Rr]eturn(?:s|ed|ing)?|[Tt]hrows?|[Tt]hrew|[Rr]espond(?:s|ed)?[ \t]+with)[ \t]+(?:an?[ \t]+)?(?:HTTP[ \t]+|[Ss]tatus[ \t]+|[Ee]rror[ \t]+)?[45]\d\d\b(?![ \t]+(?!(?:errors?|responses?|status|for|on|with|despite|although|because|and|even)\b)[a-z])|\b[Nn]ever[ \t]+(?:runs|ran|fires|fired|triggers|triggered|arrives|arrived)\b/;

/**
 * True when the text reports that something was run and went wrong: a failure word, or an outcome
 * told in other words. A writer's "I use …" alone is not enough: guides and proposals speak so too.
 * Stand-ins in a text without either are a doc's.
 */
export function reportsARun(text: string): boolean {
  return FAILURE_SIGNAL.test(text) || RUN_OUTCOME.test(text) || RUN_OUTPUT.test(text);
}

/** Where a stand-in comes from when a writer copied it: a doc's example. */
const DOC_SOURCE = /\b(?:examples?|docs?|documentation|readme|tutorial|guide|quickstart)\b/i;

/**
 * A writer who ran a doc's example as it stood and tells what came back ("what is the mean in the
 * example? when i execute the command … i got Unauthorized"): a report, though the doc's words are
 * quoted in it.
 */
export function ranADocExample(text: string): boolean {
  return DOC_SOURCE.test(text) && readsAsOwnReportOverDocWords(text);
}

/**
 * The writer put their own key where a doc's stand-in was ("substituting my api key for the
 * placeholder text", "replaced YOUR_KEY with my real key"): the stand-in they quote is the doc's.
 */
const SUBSTITUTED =
  /\b(?:substitut\w*|replac(?:e|ed|ing))\s+(?:in\s+)?(?:my|our)\s+(?:own\s+|real\s+|actual\s+)?(?:api[\s_-]*)?(?:key|token|secret|credentials?)\s+for\s+the\s+(?:placeholder|example|sample|dummy)|\breplac(?:e|ed|ing)\s+\S{1,40}\s+with\s+(?:my|our)\s+(?:own\s+|real\s+|actual\s+)(?:api[\s_-]*)?(?:key|token|secret)/i;

/** True when the writer says they filled their own key into the doc's stand-in. */
export function substitutedTheExample(text: string): boolean {
  return SUBSTITUTED.test(text);
}

/**
 * Signs that a text reports an event rather than states a rule: a writer in the first person, a
 * past-tense failure, or a fix (PR titles and review comments speak of what the code did).
 */
const REPORT_MARKER =
  /\b(?:i|we|my|our|me|us)\b|\b(?:failed|was\s+rejected|were\s+rejected|returned|got|received|broke|stopped\s+working|throws|threw|works\s+fine|worked|fix(?:es|ed)?|bug|regression|to\s+reproduce)\b/i;

/** A sentence that states what is required ("must include", "Bearer Prefix Required"). */
const REQUIREMENT = /\b(?:must|required|requires?|needs?\s+to|has\s+to|have\s+to|expects?|mandatory)\b/i;

/** Lines a page of docs has at least; a line or two pasted alone may be anyone's note. */
const MIN_DOC_LINES = 3;

function hasLines(text: string, count: number): boolean {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && lines < count; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines >= count;
}

/**
 * A requirement in a page that reports nothing: a doc's rule ("The Authorization header must
 * include the Bearer prefix. Plain tokens will be rejected."), not a mistake someone made.
 */
export function isRuleInDoc(sentence: string, text: string): boolean {
  return REQUIREMENT.test(sentence) && hasLines(text, MIN_DOC_LINES) && !REPORT_MARKER.test(text);
}

/** Headings of a section that says what should happen, not what did. */
const WISH_HEADING =
  /^(?:expected|desired|wanted|intended)\s+(?:behaviou?rs?|results?|outcomes?)\b|^(?:proposed|suggested|possible)\s+(?:solutions?|fix(?:es)?|changes?)\b|^feature\s+requests?\b|^describe\s+the\s+solution\b|^(?:預期|预期|期待)/i;
/** A heading line: a Markdown heading, a bold label, or a short line ending in a colon. */
const HEADING_LINE = /^[ \t]*(?:#{1,6}[ \t]+|\*\*|__)?([^\n]{1,60}?)(?:\*\*|__)?[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*$/;
/** How far back the heading of a sentence's section is looked for. */
const SECTION_REACH = 600;

/** True when the last heading before `at` opens an "Expected behaviour" or proposal section. */
export function inWishSection(text: string, at: number): boolean {
  const from = Math.max(0, at - SECTION_REACH);
  const lines = text.slice(from, at).split('\n');
  // The line holding `at` is the sentence itself; headings stand on lines before it.
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i]!;
    if (!isHeading(line)) continue;
    const words = HEADING_LINE.exec(line)?.[1]?.replace(/^[*_\s]+|[*_:\s]+$/g, '') ?? '';
    return WISH_HEADING.test(words);
  }
  return false;
}

function isHeading(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  if (/^#{1,6}\s/.test(trimmed) || /^(?:\*\*|__)[^*_]{1,60}(?:\*\*|__):?$/.test(trimmed)) return true;
  return /^[^\s.!?][^.!?]{0,40}:$/.test(trimmed) || /^(?:\*\*|__)[^*_]{1,60}:(?:\*\*|__)$/.test(trimmed);
}

/**
 * A sentence describing what the code now does to keep the mistake from happening ("preserves
 * the original secret instead of overwriting it", "never leaves the machine", "refuses the call
 * before any request is made"): a feature or a guard, not a report.
 */
const GUARD =
  /\b(?:preserv(?:e|es|ed|ing)|prevent(?:s|ed|ing)?|guard(?:s|ed|ing)?|protect(?:s|ed|ing)?|instead\s+of\s+overwriting|never\s+(?:leaves?|reach(?:es)?|goes?\s+out|sent)|refus(?:e|es|ed)\s+(?:the\s+)?(?:call|request)\s+before|before\s+any\s+request\s+is\s+made)\b/i;

/** The receiver echoing the value back, masked by itself: "the masked fragment echoes what you sent". */
const RECEIVER_ECHO = /\becho(?:es|ed|ing)?\b/i;

/**
 * The mask as the object of replacing: the writer fills in a doc's `********` with their value
 * ("replacing ******** directly after Authorization Bearer"), the opposite of keeping it.
 */
const REPLACING_THE_MASK =
  /\breplac(?:e|es|ed|ing)\s+(?:the\s+)?["'`(]?(?:[*•●]{3,}|x{4,}|asterisks|stars|dots)(?!\s*(?:with|by)\s+(?:the\s+)?(?:real|actual|full|your))/i;

/**
 * A mistake named as one cause among several, in general: a generic subject ("Some developers
 * omit the Bearer prefix", "Some APIs require a Bearer prefix"), causes in general ("Common causes
 * include", "failures are caused by", "90% of these failures"), or a list of alternatives ("a
 * missing Bearer prefix, a stray space, or a line break"). Guides explain so; a report tells what
 * one request carried.
 */
const CAUSE_IN_GENERAL =
  /\b(?:some|many|most|several)[ \t]+(?:developers|people|users|apis|clients|services|servers|tools|providers|integrations)\b|\b(?:common|typical|frequent|usual|possible|likely)[ \t]+(?:causes?|mistakes?|reasons?|culprits?|pitfalls?)\b|\bcauses[ \t]+include\b|\b(?:are|is)[ \t]+(?:usually|often|typically|commonly|mostly)[ \t]+caused[ \t]+by\b|\b\d{1,3}[ \t]*%[ \t]+of[ \t]+(?:these|all|the)\b|,[^,.!?\n]{1,60},?[ \t]+or[ \t]+(?:an?[ \t]+)?[^,.!?\n]{1,80}$/i;

/** A code comment that labels the example below it wrong (`// Wrong: Missing 'Bearer'`): a guide's counter-example. */
const WRONG_EXAMPLE_LABEL = /^[ \t]*(?:\/\/|#|--)[ \t]*(?:wrong|bad|incorrect|don['’]t|avoid|❌)\b/i;

/** True when `sentence` names the mistake as one cause among several, or labels it a wrong example, as guides do. */
export function namesACauseInGeneral(sentence: string): boolean {
  return CAUSE_IN_GENERAL.test(sentence.trimEnd().replace(/[.!]+$/, '')) || WRONG_EXAMPLE_LABEL.test(sentence);
}

/** True when `sentence` speaks of the mistake in a feature, a guard or a receiver's echo. */
export function speaksWithoutReporting(sentence: string): boolean {
  return GUARD.test(sentence) || RECEIVER_ECHO.test(sentence) || REPLACING_THE_MASK.test(sentence);
}

/**
 * The writer speaking of themselves: "I", "I'm", "my", "me" (the pronoun is capitalised; `i` in
 * code is a loop variable), and the same in the other languages reports come in.
 */
const FIRST_PERSON_SINGULAR =
  /\bI\b|\bI['’](?:m|ve|d|ll)\b|\b[Mm]y\b|\bme\b|\b(?:ich|mein|je|j['’]|mon|ma|yo|mi)\b|我|私|僕|저는|제가|내가/;
/**
 * The reader addressed: "you", "your", "you're" ("thank you" addresses no reader, and a stand-in
 * such as `your-api-key` or `YOUR_TOKEN` is a value, not a voice).
 */
const SECOND_PERSON = /(?<!thank[- ]|[-_])\b[Yy]ou(?:r|rs|['’]re|['’]ll)?\b(?![-_])/g;
/** A line a program printed: an error, an exception, a status. */
const QUOTED_OUTPUT = /error|exception|\b[45]\d\d\b/i;
/** Times a guide speaks to its reader at least; one "you" may be a question in a report. */
const MIN_SECOND_PERSON = 2;

/**
 * A text that talks to its reader and never of its writer ("Create a .env file with your key",
 * "One service expects it in x-api-key: YOUR_KEY"): a guide or a troubleshooting page. Its
 * stand-ins show where the reader's own value goes.
 */
export function addressesOnlyTheReader(text: string): boolean {
  if (FIRST_PERSON_SINGULAR.test(text)) return false;
  let count = 0;
  for (const line of text.split('\n')) {
    // An error quoted from a program ("… You can find your API key at …") is not the writer's voice.
    if (QUOTED_OUTPUT.test(line)) continue;
    count += line.match(SECOND_PERSON)?.length ?? 0;
    if (count >= MIN_SECOND_PERSON) return true;
  }
  return false;
}

/**
 * Words that hand the reader something to do: "can you run", "try adding", "you should use", "do
 * this instead". A
 * bare imperative is not enough: steps to reproduce ("3. Run this command") are a report.
 */
const INSTRUCTION =
  /\b(?:do|try|use)\s+this\s+instead\b|\b(?:can|could|would)\s+you\s+(?:run|try|use|send|add|set|check|do)\b|\btry\s+(?:adding|using|running|sending|setting|with)\b|\byou\s+(?:can|could|should|need\s+to|must|have\s+to)\s+(?:also\s+|just\s+|simply\s+)?(?:run|use|add|set|send|pass|put|include|try|specify|provide|supply|override)\b/i;
/** The last text searched for an instruction, and the answer (its stand-ins are judged one by one). */
let instructionCache: { text: string; found: boolean } | null = null;
/** How far before a value the instruction that introduces it is looked for (its line and the two above). */
const INSTRUCTION_LINES = 3;
const INSTRUCTION_REACH = 400;

/**
 * True when the value at `at` follows an instruction to the reader on its line or the two lines
 * above it (code fences aside): a reply's or a guide's example, not what the writer sent.
 */
export function followsAnInstruction(text: string, at: number): boolean {
  // Most texts (logs above all) hold no instruction anywhere: one search, remembered per text.
  if (instructionCache?.text !== text) instructionCache = { text, found: INSTRUCTION.test(text) };
  if (!instructionCache.found) return false;
  const from = Math.max(0, at - INSTRUCTION_REACH);
  const all = text.slice(from, at).split('\n');
  const lines = all.filter((line) => !FENCE_LINE.test(line));
  if (INSTRUCTION.test(lines.slice(-INSTRUCTION_LINES).join('\n'))) return true;
  // A value inside a code block: the block is the example of the words just before it.
  const fence = all.findLastIndex((line) => FENCE_LINE.test(line));
  const insideBlock = fence >= 0 && all.filter((line) => FENCE_LINE.test(line)).length % 2 === 1;
  return insideBlock && INSTRUCTION.test(all.slice(Math.max(0, fence - INSTRUCTION_LINES + 1), fence).join('\n'));
}

const FENCE_LINE = /^[ \t]*(?:```|~~~)/;

/**
 * A line that introduces the writer's own configuration or request: "My config file looks like
 * this:", "Here is what I have in my widgets.yaml file:", "I sent the following headers:", "The POST
 * request that I send is like this:". What
 * follows is what the writer set up or sent, however the line words it ("looks like", "following"),
 * not a format a doc lays out for its reader.
 */
const OWN_BLOCK_INTRO =
  /\b(?:my|our)[ \t]+(?:[\w.-]+[ \t]+){0,3}?(?:config(?:uration)?|file|setup|settings|request|headers?|code|ya?ml|compose|env|script|workflow|command|call|payload|body|service|widget)s?\b|\bhere(?:[ \t]+is|['’]s)[ \t]+(?:my|our|what[ \t]+(?:i|we))\b|\bwhat[ \t]+(?:i|we)[ \t]+have\b|\b(?:i|we)[ \t]+(?:have|had|used|sent|configured|tried)[ \t]+(?:this|these|the[ \t]+following)\b|\b(?:request|command|call|url|headers?)[ \t]+(?:that[ \t]+|which[ \t]+)?(?:i|we)[ \t]+(?:send|sent|use|used|run|ran|make|made|post|posted)\b/i;

export function introducesOwnBlock(line: string): boolean {
  return OWN_BLOCK_INTRO.test(line);
}

/** Lines inside a block of configuration: a key, a list item, a bracket, a code fence, or nothing. */
const BLOCK_LINE = /^[ \t]*(?:$|```|~~~|[-*][ \t]|[{}[\],]|["']?[\w.-]{1,60}["']?[ \t]*[:=])/;
/** How many lines above a value its block may start, and how far back they are read. */
const MAX_BLOCK_LINES = 12;
const BLOCK_REACH = 1200;

/**
 * True when the value at `at` sits in a block (a YAML file, an env list, a JSON object) that the
 * line above the block introduces as the writer's own: a mask there is the writer's, not a
 * viewer's display. A single line quoted under "My config:" may be copied from a screen that
 * masked it; a file's block, with a fence or other keys above the value, is typed or pasted whole.
 */
export function inWritersOwnBlock(text: string, at: number): boolean {
  const from = Math.max(0, at - BLOCK_REACH);
  const lines = text.slice(from, at).split('\n');
  let blockLines = 0;
  // The last piece is the value's own line; the block's lines and its intro stand above it.
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < MAX_BLOCK_LINES; i--, seen++) {
    const line = lines[i]!;
    if (!BLOCK_LINE.test(line)) return blockLines > 0 && introducesOwnBlock(line);
    if (line.trim() !== '') blockLines += 1;
  }
  return false;
}

/**
 * A title that announces secrets being redacted, masked or hidden, as a change or a request ("fix:
 * redact authorization header from logs", "fix(sse): redact api key in debug log", "Mask the ApiKey
 * to not be logged completely"): the text is about a program's own redaction, and the stand-ins and
 * masks it shows are that redaction's or the reader's, not values someone sent. A title whose verb
 * is another ("stop persisting the masked api key") may report the mask going out.
 */
const REDACTION_TITLE =
  /^[ \t#*]*(?:\[[^\]\n]{1,40}\][ \t]*)*(?:[A-Za-z]{1,12}(?:\([^)\n]{1,30}\))?!?:[ \t]*)?(?:redact|mask|hide|obfuscate|censor|scrub|saniti[sz]e)\b[^\n]{0,60}?\b(?:api[ _-]?keys?|keys?|tokens?|secrets?|headers?|credentials?|passwords?|authorization)\b/i;

/** True when the text's first line announces a redaction of secrets. */
export function announcesRedaction(text: string): boolean {
  const lineBreak = text.indexOf('\n');
  return REDACTION_TITLE.test(lineBreak < 0 ? text : text.slice(0, lineBreak));
}

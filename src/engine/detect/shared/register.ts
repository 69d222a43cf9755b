// The register of a text: whether it reports an error that happened to someone, or only talks
// about errors. Reference material (a table, an enum or a numbered list that gives each error name
// with what it means), an explainer page ("What is ETIMEDOUT", "接続タイムアウトとは"), a changelog
// or a pull request ("Adds retry to ECONNRESET errors") names failures without any of them having
// happened. A report has a witness: someone who got the error, a log line, a stack trace.
//
// One judgement for every kind of finding but statuses (a status a table names is still a status
// the text names: test/eval/LABELS.md rule 1). The pipeline's parts consult it after each detector
// (src/engine/find/extra-parts.ts); detectors keep their own sentence-level tests.
//
// Every test is one bounded regex over a text of at most MAX_REGISTER_LENGTH characters: a longer
// text is a log, which reports.
import type { Finding } from '../../types';
import { readsAsFirstPersonReport } from '../credential/credential-register';
import { firstAtOrAfter } from './sorted-search';
import { lineEndWithin } from '../../text';

/** A pasted page is read whole up to this size; a longer text is a log. */
const MAX_REGISTER_LENGTH = 16 * 1024;

/**
 * A log's or a runtime's own lines: a time stamp opening a line (after a container's name, as
 * `docker compose logs` prints `lemmy_1  | 2022-11-16T10:44:18Z WARN …`: the name at the line's
 * start and no other cell on the line, which a Markdown table's row `| ConnectTimeout | 00:00:15 |
 * … |` has), a level in brackets or opening a
 * line (upper case: a table's "Error Description" heading is none), a JavaScript or Java stack
 * frame, a Python traceback, curl's own error line (`curl: (7) Failed to connect …`, what the tool printed when
 * it ran). A release's "released this 06 Dec 21:44" is no log line: its time
 * does not open the line.
 */
const LOG_LINE =
  /^[ \t>|]*\[?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\d\d:\d\d:\d\d)|^[\w.-]{1,40}[ \t]+\|[ \t]+(?![^\n]*[ \t]\|[ \t])\[?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\d\d:\d\d:\d\d)|\[(?:[Ee]rror|ERROR|[Ee]rr|ERR|[Ww]arn(?:ing)?|WARN(?:ING)?|[Ff]atal|FATAL|[Cc]rit|CRIT)\]|^[ \t>|]*(?:ERROR|FATAL|WARN(?:ING)?|CRITICAL)\b|\b(?:level|severity)["']?[ \t]*[:=][ \t]*["']?(?:error|warn|ERROR|WARN)|^[ \t]+at [^\s(]+ \(|^[ \t]+at [^\s(]+:\d+:\d+|Traceback \(most recent call last\)|^[ \t>$]*(?:[A-Za-z]{1,12}:[ \t]*)?curl: \(\d{1,2}\) [A-Z]|^[ \t]*File "[^"\n]+", line \d+/m;

/**
 * Someone telling what happened to them: a singular first person (vendors' pages say "we"), a
 * first person plural with a verb of getting or seeing ("we see"), a title or line that opens with
 * "Got", a time word of an event ("today", "suddenly"), the first person of Chinese or Japanese.
 */
const WITNESS_WORDS =
  /(?:^|[^\w/])(?:I|I['’]m|I['’]ve|my|My)(?![\w/'’])|(?:^|[^\w/])(?:we|We)(?:['’](?:ve|re))?[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:get|gets|got|getting|see|saw|seeing|experience|experiencing|receive|received|receiving|hit|hitting|encounter|encountered|ran into|run into|faced?|facing)\b|^[ \t#]*Got\b|\b(?:today|yesterday|this morning|suddenly)\b|我|私(?:は|の|も)|僕/m;

/**
 * A short quotation on one line: someone else's words, whose first person or time word ("It
 * doesn't mean your app is “a bit slow today.”") is not the writer's.
 */
const QUOTATION = /[“"][^“”"\n]{1,80}[”"]/g;

/** True when something in the words says an error happened to someone: a first person, a log, a trace. */
export function hasWitness(words: string): boolean {
  const ownWords = words.replace(QUOTATION, ' ');
  return WITNESS_WORDS.test(ownWords) || LOG_LINE.test(words) || readsAsFirstPersonReport(ownWords);
}

/**
 * An explainer's title, on the text's first line and not a question ("What is ETIMEDOUT", "How to
 * fix …", "Common error codes", "什么是 …", a tag "[SOLUTION] …", after a ticket's key: "BAEL-7765: How to fix …"): someone asking "How to solve ESOCKETTIMEDOUT
 * exception?" has the error. A Japanese or Korean title that defines its topic ("接続タイムアウトとは?",
 * "etimedoutとは何か") is an explainer's, question mark or not.
 */
const EXPLAINER_TITLE =
  /^(?:(?![^\n]*[?？])[ \t#*]*(?:[A-Z]{2,10}-\d{1,6}:?[ \t]+)?(?:(?:what (?:is|are|does)|how to (?:fix|solve|resolve|handle|avoid|troubleshoot)|understanding)\b|\[(?:solution|guide|tutorial|how-?to)\]|common\b[^\n]{0,40}\b(?:errors?|error codes|failures|exceptions)\b|(?:list|table) of\b[^\n]{0,30}\berrors?\b|什么是)|[^\n]{1,60}(?:とは|って何|の意味|の原因と|의 의미|이란))/i;

/**
 * An explainer's voice anywhere: the writer announcing what the page explains ("In this article",
 * "ご紹介します", "解説します", "本文介绍") or what an error means in general ("This error occurs when",
 * "ETIMEDOUT errors in n8n occur when",
 * "This occurs because", "Common causes include", "常见触发场景" (common triggers), a quoted message defined as a kind of message:
 * "“Connection refused” is TCP’s way of saying …"), what people in general run into ("developers
 * frequently encounter the … error", "a common error developers encounter is …"), the page telling what it is about ("This guide is about …"),
 * the reader asked whether they ever saw the error
 * ("ご経験はないでしょうか").
 */
/** Who an explainer says runs into an error in general. */
const PEOPLE_IN_GENERAL = '(?:developers|users|people|engineers)';
const EXPLAINER_VOICE = new RegExp(
  String.raw`\bin this (?:article|guide|post|tutorial)\b|\bthis error (?:occurs|happens|is returned|is raised) (?:when|if)\b|\b[\w-]{1,40} errors (?:(?:in|with|from) [\w.-]{1,40} )?(?:occur|happen|are returned|are raised) (?:when|if)\b|\bthis (?:error )?occurs because\b|\b${PEOPLE_IN_GENERAL} (?:often|frequently|commonly|typically|sometimes) (?:encounter|run into|see|hit|get)\b|\ba (?:common|frequent|typical) (?:error|problem|issue|mistake) (?:that )?${PEOPLE_IN_GENERAL} (?:encounter|run into|see|hit|face)\b|["“][^"”\n]{3,60}["”] (?:error |message )?(?:is|means) (?:an? |(?:the )?[\w-]{1,40}['’]s |the )(?:[\w-]{1,40} ){0,3}?(?:message|error|signal|way of saying)\b|\b(?:common|possible|typical) causes (?:include|are)\b|常见(?:的)?(?:原因|触发场景)|\b(?:this|the following) (?:article|guide|page|post|tutorial) (?:explains|describes|covers|lists|is about|walks you through)\b|ご紹介し|解説し|ご経験は|本文(?:介绍|将)`,
  'i',
);

/**
 * A release's or a pull request's marks: GitHub's "released this", a release section ("What's
 * Changed", "Bug Fixes", "Full Changelog"), release headings (VERSION_HEADING), a pull request's template ("This PR", "Fixes #12", a
 * task box, a bracketed fix tag: "[Bugfix] x509: …"), and a Chinese or Japanese title that opens with a change ("添加", "修复") or ends
 * with a retry ("拒绝连接后重试").
 */
const CHANGE_MARKS =
  /\breleased this\b|^[ \t#*]*(?:what['’]s changed|bug ?fixes|full changelog|changelog|release notes|breaking changes)\b|\bthis (?:PR|pull request|change|commit)\b|\b(?:fixes|closes|resolves):?[ \t]+(?:#\d+|https?:\/\/\S{1,200}?\/(?:issues|pull)\/\d+)|^[ \t]*[-*] \[[ xX]\]|^[ \t#*]*\[(?:bug ?fix|hot ?fix|fix(?:ed)?)\]/im;
/** A release's section, capitalised as changelogs write it ("### Added", "• FIXED: …"); a tool's "removed: /tmp/x" is no section. */
const RELEASE_SECTION =
  /^[ \t#*•-]*(?:Added|Fixed|Changed|Removed|Deprecated|Changes|ADDED|FIXED|CHANGED|REMOVED|DEPRECATED)(?:[ \t]*:|[ \t]*$)/m;
/**
 * A release's heading: a line that is only a version named as one ("Version 1.4.1", "v1.3.0
 * (2023-05-01)") or set as a heading ("## [2.0.1] - 2024-03-02"). Two of them make a list of
 * releases, however its entries are worded. A bare "5.4.0" or "v18.17.0" under an issue form's
 * "### Version" is an answer, not a heading: a line with only a `v` version needs its date or title.
 */
const VERSION_HEADING =
  /^[ \t*]*(?:(?:(?:version|release)[ \t]+v?|#{1,6}[ \t]*\[?v?)\d{1,4}\.\d{1,4}(?:\.\d{1,6})?(?:[-+][\w.]{1,20})?\]?(?:[ \t]+[-–—(][^\n]{0,40})?|v\d{1,4}\.\d{1,4}(?:\.\d{1,6})?(?:[-+][\w.]{1,20})?[ \t]+[-–—(][^\n]{0,40})[ \t]*$/gim;
const MIN_VERSION_HEADINGS = 2;

/** True when at least MIN_VERSION_HEADINGS lines of the text are release headings. */
function hasReleaseHeadings(text: string): boolean {
  let count = 0;
  for (const _heading of text.matchAll(VERSION_HEADING)) if (++count >= MIN_VERSION_HEADINGS) return true;
  return false;
}
const CJK_CHANGE_TITLE = /^[ \t#]*(?:(?:添加|新增|修复|修正|优化|改进|支持|追加|対応)[^\n]*|[^\n]*(?:重试|再試行))$/m;

/**
 * An entry of reference material: an error's name or number, then what it means in words. The
 * name (or two names: "ENETUNREACH or EHOSTUNREACH") stands alone in a list item or a table cell (`1. ECONNREFUSED`, `| WSAETIMEDOUT |`,
 * `<td><code>timeout_read</code></td>`) or opens a line before a colon or a dash; the meaning
 * follows in the next cell, on the same line or on the next one, and opens with a capital or CJK
 * (a sentence, not a value). A JSON object names it in a naming field and gives the meaning in a
 * describing one (`title: "ETIMEDOUT", description: "…"`, `"code": 402, "message": "Invalid JSON"`).
 */
const ENTRY_OPEN = String.raw`(?:^|\||<td>)[ \t]*(?:\d{1,5}[.)]?[ \t]*(?:\|[ \t]*)?|[-*•][ \t]*)?(?:<code>|\x60|\*\*)?`;
const ENTRY_NAME = String.raw`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z]+(?:_[a-z0-9]+)+)(?:[ \t]*(?:or|and|或|和|/|,)[ \t]*[A-Z][A-Z0-9_]{3,})*`;
const ENTRY_CELLS = String.raw`<\/td>(?:\s*<td>(?:<code>)?[^<\n]{0,40}(?:<\/code>)?<\/td>)*\s*<td>`;
// Blank runs are bounded: three unbounded runs side by side cost a long run of blanks quadratic time.
const ENTRY_BREAK = String.raw`(?:<\/code>|\x60|\*\*)?[ \t]{0,40}(?:${ENTRY_CELLS}|\|[ \t]{0,40}(?:\r?\n[ \t|]{0,40})?|[:：–—][ \t]|\r?\n[ \t|]{0,40}(?:\r?\n[ \t|]{0,40})?)[ \t]{0,40}`;
const MEANING = String.raw`(?=[A-Z\u3040-\u9fff][^\n|<]{10})`;
const JSON_ENTRY = String.raw`\b(?:title|name|code|error)["']?[ \t]*:[ \t]*(?:["']([A-Za-z][\w.-]{2,})["']|(\d{1,6}))[ \t]*,\s*["']?(?:description|message|detail|meaning)["']?[ \t]*:[ \t]*["'](?=[A-Z\u3040-\u9fff])`;
const ENTRY = new RegExp(`${ENTRY_OPEN}${ENTRY_NAME}${ENTRY_BREAK}${MEANING}|${JSON_ENTRY}`, 'gm');

/** Distinct names a block needs before it counts as reference material. */
const MIN_ENTRIES = 3;
/** How far either side of a finding the entries of its block are read. */
const BLOCK_WINDOW = 800;
/** The longest meaning read after an entry's name: a block ends at its last entry's meaning. */
const MEANING_REACH = 240;

interface Entry {
  at: number;
  name: string;
  /** Where the entry's meaning ends: the end of the line it opens on. */
  end: number;
}

/** Every entry of reference material in the text, in order. */
function entriesOf(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const match of text.matchAll(ENTRY)) {
    const name = match[1] ?? match[2] ?? match[3];
    // Upper-case words of three letters or fewer are abbreviations ("TLS", "DNS"), not error names.
    if (name === undefined || (name.length < 4 && !/^\d+$/.test(name))) continue;
    const meaning = match.index + match[0].length;
    entries.push({ at: match.index, name, end: lineEndWithin(text, meaning, MEANING_REACH) });
  }
  return entries;
}

/**
 * True when [start, end) sits inside a block of reference entries (from its first entry to its
 * last entry's meaning) and nothing in the block says an error happened. An issue that quotes a
 * doc's table and then reports its own error keeps the report: it lies outside the block.
 */
function isInReferenceBlock(text: string, entries: readonly Entry[], offsets: readonly number[], start: number, end: number): boolean {
  const near = entries.slice(firstAtOrAfter(offsets, start - BLOCK_WINDOW), firstAtOrAfter(offsets, end + BLOCK_WINDOW));
  if (new Set(near.map((entry) => entry.name)).size < MIN_ENTRIES) return false;
  const blockStart = near[0]!.at;
  const blockEnd = near[near.length - 1]!.end;
  return start >= blockStart && end <= blockEnd && !hasWitness(text.slice(blockStart, blockEnd));
}

/** True when some stretch of BLOCK_WINDOW characters holds entries of MIN_ENTRIES different names. */
function hasReferenceBlock(entries: readonly Entry[]): boolean {
  for (let first = 0; first + MIN_ENTRIES <= entries.length; first++) {
    const names = new Set<string>();
    for (let next = first; next < entries.length && entries[next]!.at - entries[first]!.at <= BLOCK_WINDOW; next++) {
      names.add(entries[next]!.name);
      if (names.size >= MIN_ENTRIES) return true;
    }
  }
  return false;
}

/** What makes a text without a witness one that only talks about errors. */
export type TalkCue = 'explainer' | 'change' | 'reference' | null;

/** The cue of a text already known to have no witness, read from its words (entries are read apart). */
function cueOfWords(text: string): TalkCue {
  if (EXPLAINER_TITLE.test(text) || EXPLAINER_VOICE.test(text)) return 'explainer';
  const lineBreak = text.indexOf('\n');
  const title = lineBreak < 0 ? text : text.slice(0, lineBreak);
  return CHANGE_MARKS.test(text) || RELEASE_SECTION.test(text) || CJK_CHANGE_TITLE.test(title) || hasReleaseHeadings(text)
    ? 'change'
    : null;
}

/**
 * Why the whole text only talks about errors, or null when it may report: no witness anywhere, and
 * an explainer's title or voice, a release's or a pull request's marks, or a block of reference
 * entries (a page of reference material, whatever else it says around the block).
 */
export function talkCue(text: string): TalkCue {
  if (text.length > MAX_REGISTER_LENGTH || hasWitness(text)) return null;
  return cueOfWords(text) ?? (hasReferenceBlock(entriesOf(text)) ? 'reference' : null);
}

/** Kinds of findings the register can set aside: statuses stay whatever the text's register. */
const SPOKEN_OF_KINDS: ReadonlySet<Finding['kind']> = new Set(['network', 'credential', 'json']);

/**
 * What a change names, it does not report. Only network failures: a fix that shows a broken
 * header or body shows the setup mistake itself, and the labels count it (test/eval/LABELS.md).
 */
const CHANGED_KINDS: ReadonlySet<Finding['kind']> = new Set(['network']);

/**
 * The findings a report holds. In a text without a witness, an explainer's and a reference page's
 * findings, and the network failures a release or a pull request names, are left out; in a text
 * with one, the findings inside a block of reference material (a doc's table quoted above the
 * report). Statuses and rate limits are always kept.
 */
export function keepReported(text: string, findings: Finding[]): Finding[] {
  if (text.length > MAX_REGISTER_LENGTH || !findings.some((finding) => SPOKEN_OF_KINDS.has(finding.kind))) return findings;
  const witnessed = hasWitness(text);
  const cue = witnessed ? null : cueOfWords(text);
  const setAside = cue === 'explainer' ? SPOKEN_OF_KINDS : cue === 'change' ? CHANGED_KINDS : undefined;
  if (setAside) return findings.filter((finding) => !setAside.has(finding.kind));
  const entries = entriesOf(text);
  if (entries.length < MIN_ENTRIES) return findings;
  if (!witnessed && hasReferenceBlock(entries)) return findings.filter((finding) => !SPOKEN_OF_KINDS.has(finding.kind));
  const offsets = entries.map((entry) => entry.at);
  return findings.filter(
    (finding) => !SPOKEN_OF_KINDS.has(finding.kind) || !isInReferenceBlock(text, entries, offsets, finding.start, finding.end),
  );
}

// Messages in which a runtime or a receiver reports that a body did not parse as JSON, in the
// words of JavaScript engines, Go, Python, Dart, Java (Jackson, Gson, org.json), PHP, Ruby, .NET
// and APIs ("Problems parsing JSON"), with the position when the message gives one. One global
// regex finds them; the position is read from a bounded piece of text after the match.
import type { Finding } from '../../types';
import { redactSecretsInText } from '../../redact';
import { clip } from '../../text';
import { groupedByFirstChar } from '../shared/grouped-regex';
import { splitAlternation, unionMatches } from '../shared/regex-union';
import { excerptOf } from '../shared/text-excerpt';
import { describesACodeChange } from './json-change-title';

/**
 * What a runtime's own JSON parser says when a body is no JSON (JavaScript engines, Go, Python):
 * the parser's words, never a receiver's, wherever they are quoted.
 */
const RUNTIME_MESSAGES = [
  // JavaScript (V8 old and new, SpiderMonkey, JavaScriptCore).
  'unexpected token[ \\t]{1,3}(?:\'[^\'\\n]{0,12}\'|[^\\s,]{1,12})(?:,[ \\t]{0,3}"[^"\\n]{0,80}"?\\.{0,3}[ \\t]{0,3}is not valid json| in json)',
  'unexpected end of json input',
  'unexpected non-whitespace character after json',
  "expected (?:property name or '}'|',' or '[}\\]]'(?: after (?:property value|array element))?|double-quoted property name) in json",
  'unterminated string in json',
  'bad (?:control character|escaped character) in (?:string literal in )?json',
  'json\\.parse: (?:unexpected|expected|bad|unterminated|end of data)',
  'json parse error: unexpected',
  // Go encoding/json.
  "invalid character '(?:[^'\\n]{1,8}|\\\\'|\\\\\\\\'|')' (?:looking for beginning of (?:value|object key string)|after (?:object key(?::value pair)?|array element|top-level value)|in (?:string literal|literal [a-z]+ \\(expecting '[a-z]'\\)|numeric literal|string escape code))",
  // Python json / simplejson.
  'jsondecodeerror',
  "expecting (?:value|property name enclosed in double quotes|',' delimiter|':' delimiter)",
  'extra data: line \\d',
  'unterminated string starting at',
  'invalid control character at',
];

/** A runtime's parser failing on a body, as one test (see RUNTIME_MESSAGES). */
export const RUNTIME_PARSE_FAILURE = new RegExp(`\\b(?:${RUNTIME_MESSAGES.join('|')})`, 'i');

const MESSAGES = [
  ...RUNTIME_MESSAGES,
  // Dart.
  'formatexception: (?:unexpected (?:character|end of input)|syntaxerror)',
  // Jackson (Java).
  'jsonparseexception',
  'jsoneofexception',
  "unrecognized token '[^'\\n]{0,40}': was expecting",
  "unexpected character \\('.{1,4}' \\(code \\d{1,5}\\)\\)",
  // Gson and org.json (Java, Android): a body that is no JSON, or an HTML page where JSON was due.
  'malformedjsonexception',
  'a json(?:object|array) text must (?:begin|start) with',
  'cannot be converted to json(?:object|array)',
  // PHP: json_decode's JSON_ERROR_SYNTAX, thrown or read back.
  'jsonexception: syntax error',
  'json_last_error(?:_msg)?\\(\\)[^\\n]{0,20}syntax error',
  'syntax error, malformed json',
  // Ruby: the class, or the parser's message alone ("757: unexpected token at '…'"), which no
  // other runtime words so.
  'json::parsererror',
  "unexpected token at '",
  // .NET (Newtonsoft and System.Text.Json).
  'jsonreaderexception',
  'is an invalid start of (?:a value|a property name)',
  'is invalid after a (?:value|property name)',
  'unexpected character encountered while parsing (?:value|number)',
  'invalid property identifier character',
  'unexpected end when (?:reading|deserializing|parsing) json',
  'unexpected end of content while loading j(?:object|array|token|constructor)',
  'the input does not contain any json tokens',
  // Rust serde_json.
  'expected value at line \\d',
  'eof while parsing (?:a |an )?(?:value|object|list|string)',
  'trailing comma at line \\d',
  'unexpected end of hex escape',
  'key must be a string at line \\d',
  // Elixir (Jason) and Rails.
  'jason\\.decodeerror',
  'unexpected byte at position',
  'error occurred while parsing request parameters',
  // APIs and frameworks in plain words.
  'problems parsing json',
  'invalid json(?: payload| body| in request body| format| syntax| string| input| was received)?',
  'malformed json(?: (?:body|payload|request|in request body))?',
  "(?:could not|couldn't|cannot|can't|unable to|failed to) (?:parse|decode|read) (?:the )?(?:request |response )?(?:body (?:as|into) |body: )?json",
  'json (?:parse|parsing|syntax|decode|decoding) error',
  '(?:body|payload|request) (?:is|was) not (?:valid|well-formed) json',
  'unparseable json',
  'unreadable json',
  'non-json (?:payload|body|request|response|data)',
  // A receiver's log naming what it failed on (Go's webhook: "error parsing JSON payload EOF").
  'error (?:parsing|decoding|unmarshal(?:l)?ing) (?:the )?json (?:payload|body|request|response)',
  'not (?:a )?(?:valid|proper|well-formed) json(?: object| array| body| payload| document)?',
  'not a json (?:object|array|body|payload)',
  // Receivers that name the body first: "invalid request body: not json".
  'body:? not json',
  "(?:does(?:n['’]?t| not)|did(?:n['’]?t| not)|won['’]?t|can(?:no|['’])t|fails? to|failed to) parse (?:as )?(?:valid )?json",
  '(?:caus(?:e|es|ed|ing)|mak(?:e|es|ing)|made|render(?:s|ed|ing)?) (?:the )?(?:json|payload|body|request)(?: payload| body)? (?:to be |to become )?invalid',
  'json (?:is |was |got )?brok(?:en|e)\\b',
  // Fixes and reports that say what broke the body: "such that payload becomes valid JSON",
  // "causes the JSON payload to fail to parse", "incorrect body JSON formatting".
  '(?:mak(?:e|es|ing)|made|becom(?:e|es|ing)|became) (?:it |the \\w+ )?(?:a )?(?:valid|proper|well-formed) json',
  '(?:json|payload|body)(?: payload| body)? to fail to parse',
  '(?:are|is) not valid in json',
  '(?:incorrect|invalid|broken|bad|wrong) (?:body |payload |request )?json (?:formatting|format|syntax)',
  'broken json(?: (?:payloads?|bod(?:y|ies)|requests?))?',
  '(?:single|wrong|smart|curly) quotes?[^.!?\\n]{0,60}?unexpected token',
  // A report that quotes broke a JSON body: "single quotes in json throws internal server error",
  // "an error about the quotes (requires double quotes)".
  '(?:single|wrong|smart|curly) quotes? in (?:the |a |my |your )?json[^.!?\\n]{0,40}?(?:throw|error|fail|break|broke|caus|reject|400|500)',
  '(?:error|fail(?:s|ed|ure)?|complain(?:s|ed)?|reject(?:s|ed)?)[^.!?\\n]{0,40}?quotes?\\W{0,3}(?:requires?|needs?|expects?|wants?) double quotes',
  // jq and receivers that name the body: a raw newline or tab inside a string.
  'control characters from u\\+0000 through u\\+001f must be escaped',
  'bad (?:body|payload|request) format',
  'json (?:is|was|seems|looks|appears)(?: to be)? (?:invalid|malformed|broken|not valid)',
  "(?:body|payload|request|json|data) (?:could ?n[o']t|cannot|can['’]t|couldn['’]t) be (?:parsed|decoded|read)",
  // The body named, then a few words, then that it did not parse: "the jsondata sent by the plugin
  // can't parse", "the JSON request is invalid and can't be parsed".
  "(?:json\\w*|payloads?|bod(?:y|ies))(?: [\\w-]+){0,6}? (?:can['’]?t|cannot|could ?n['o’]t|fails? to|failed to|unable to) (?:be )?(?:pars|decod)\\w*",
  'json (?:request|body|payload|data|string|document|input) (?:is|was) (?:invalid|malformed|broken|not valid)',
  // Characters a JSON string must escape, sent as they were: "due to characters not being escaped".
  '(?:characters?|quotes?|double quotes?|newlines?|control characters?) (?:are |were |is |was )?not (?:being )?(?:properly |correctly )?escaped',
  'unescaped (?:double )?(?:quotes?|characters?|newlines?|control characters?)',
  // Quotes that break a body, told as a fix or a cause: "Fix wrong quotes for json", "which breaks JSON".
  '(?:fix|replac|remov|correct)\\w* (?:the )?(?:wrong|single|smart|curly|fancy|typographic|bad) quot\\w* (?:in|for|of) (?:the )?json',
  '(?:which|that|this|it|they) (?:breaks?|broke) (?:the )?json\\b',
  '(?:trailing|extra|stray|missing|dangling|unexpected|superfluous|redundant|unnecessary|misplaced) commas?[^.\\n]{0,80}?(?:json|payload|pars(?:e|ing|er))',
  // Quotes JSON does not take: "Use of ' instead of \"", "single quotes instead of double quotes".
  'us(?:e|es|ed|ing) (?:of )?(?:single quotes?|\') instead of (?:double quotes?|")',
  // A body or a response said to be written with single quotes: "the JSON generated by
  // requests.post() contains single quotes", "JSON APIs use singlequotes for response".
  'json\\b(?:[^.!?\\n]|\\.(?=\\w)){0,60}?\\b(?:contains?|uses?|has|have) single ?quotes',
  'us(?:e|es|ed|ing) single ?quotes for (?:the |their |its )?(?:response|body|payload|request)s?',
  'single quotes? instead of (?:double quotes?|")',
  // Other languages: the messages start with JSON or a Latin word.
  'json\\s*(?:格式|解析|数据|數據)?\\s*(?:错误|錯誤|失败|失敗|有误|有誤|不合法|无效|無效)',
  'json\\s*(?:の)?\\s*(?:解析|パース)\\s*(?:に失敗|エラー|できません)',
  'json (?:invalide|non valide|mal formé|inválido|no válido|mal formado|non valido|ungültig|fehlerhaft|ongeldig)',
  'ungültige[sn]? json',
  // CouchDB's `"reason":"invalid_json"` and "Invalid UTF-8 JSON", FastAPI's "There was an error parsing the body".
  'invalid_json\\b',
  'invalid utf-?8 json',
  'error (?:occurred )?(?:while |when )?parsing (?:the )?(?:request |json )?body',
  // Receivers that name what came in as data (Mattermost's "Unable to parse incoming data", in
  // French "Impossible d'interpréter les données entrantes") and Java's JSON reader on an empty body.
  "(?:could not|couldn['’]t|cannot|can['’]t|unable to|failed to) (?:parse|decode|interpret) (?:the )?(?:incoming|request|posted) data",
  "impossible d['’](?:interpréter|analyser|lire) les données (?:entrantes|reçues|de la requête)",
  'a json text must at least contain two octets',
  // Said only where a program answered (see ANSWER_BEFORE): a requirement in an error, a bare
  // JavaScript "Unexpected token" as the message a receiver sent back.
  '(?:request )?(?:body|payload) must be (?:a )?valid json',
  'unexpected token[ \\t]{1,3}(?:\\\\?["\'`][^\\s"\'`]{0,3}\\\\?["\'`]|[^\\s,"\'`}\\]]{1,12})',
];

// Every message starts with a letter: \b is the look-behind's test, and much faster. Several
// regexes of a few KB, read as one (a single one took 96 ms to compile on a loaded machine).
const MESSAGE_REGEXES = splitAlternation(MESSAGES, 'gi', (parts) => `\\b(?:${groupedByFirstChar(parts, true)})`);

/**
 * A condition, requirement or permission before the words: "must be valid JSON", "if the body is
 * invalid JSON", "allow the user to enter invalid JSON", "a template can be invalid JSON".
 */
const REQUIREMENT_BEFORE =
  /\b(?:if|whenever|unless|must|should|make sure|ensure|otherwise|allow(?:s|ed|ing)?|(?:can|may|might|could) be|(?:returns?|responds?|answers?|rejects?)\b[^.!?\n]{0,40}\b(?:for|on))\b[^.!?\n]{0,60}$/i;
/**
 * Words that are a body's parse error only in a program's answer. A requirement counts after an
 * error label on its line (`error=invalid request: body must be valid JSON`), where a doc would
 * state it; a bare "Unexpected token" only as the message field of a body that came back
 * (`{"error":{"message":"Unexpected token \""}}`), where a log would show a script that failed to compile.
 */
const REQUIREMENT_ANSWER = /^(?:request )?(?:body|payload) must be/i;
const ERROR_LABEL_BEFORE = /\b(?:error|err|message|reason|detail)[ \t]*[=:][^\n]{0,60}$/i;
// Ruby's "unexpected token at '…'" is its JSON parser's own message wherever it stands.
const BARE_UNEXPECTED_TOKEN = /^unexpected token(?! at ')(?![^\n]*json)/i;
const MESSAGE_FIELD_BEFORE = /["'](?:message|error|detail|reason|description)["'][ \t]*:[ \t]*["']$/i;

/** True when the words of `match` need an answer's place and `before` is not one. */
function outsideAnAnswer(match: string, before: string): boolean {
  if (REQUIREMENT_ANSWER.test(match)) return !ERROR_LABEL_BEFORE.test(before);
  if (BARE_UNEXPECTED_TOKEN.test(match)) return !MESSAGE_FIELD_BEFORE.test(before);
  return false;
}
/** Code that compares or catches the error (`except JSONDecodeError:`, `rescue JSON::ParserError`). */
const CODE_BEFORE =
  /(?:\bexcept[ \t]+\(?[\w.]*|\brescue[ \t]+|\bcatch[ \t]*\([ \t]*|\bimport[ \t]+[\w., ]*|\binstanceof[ \t]+|\braise[ \t]+|\bthrow[ \t]+new[ \t]+|\b(?:handles?|handling|handler for|rescues?|catch(?:es|ing)?)\b(?:[ \t]+[^\s.!?;]+){0,2}[ \t]*`?)$/i;
/** A JSON file's own parse error (`config/config.json: Unexpected token`): a file, not a body. */
const JSON_FILE_BEFORE = /\.json(?::[ \t]*|[ \t]+)$/;
/**
 * The error placed in an app's own settings, environment or configuration ("… in environment
 * settings gives an "Unexpected token % in JSON" error"): that data is the app's, not a body.
 */
const SETTINGS_PLACE_BEFORE =
  /\b(?:in|into)[ \t]+(?:the[ \t]+|my[ \t]+|your[ \t]+)?(?:environment|settings|preferences|config(?:uration)?)\b[^.!?\n]{0,40}$/i;
/**
 * A condition written after its words, as Chinese, Japanese and Korean do: "JSON 无效时" (when the
 * JSON is invalid), "JSON が不正な場合", "JSON이 잘못된 경우".
 */
const CONDITION_AFTER = /^[ \t]*(?:时|時|的时候|的時候|的话|的話|なら|の場合|場合|일\s*때|인\s*경우|이면)/;
/** Google's "Invalid JSON payload received. Unknown name": a field the API does not know, not a syntax error. */
const UNKNOWN_FIELD_AFTER = /^\s*received\.?\s*unknown\s+name/i;
/**
 * A parse failure whose cause is the request's type, not its syntax ("error parsing body payload due
 * to unsupported content type header"): the body was never read as JSON.
 */
const CONTENT_TYPE_CAUSE_AFTER =
  /^[ \t]*(?:payload[ \t]+)?(?:due[ \t]+to|because[ \t]+of|:)[ \t]*(?:an?[ \t]+|the[ \t]+)?(?:unsupported|unknown|missing|wrong|invalid|unexpected)[ \t]+(?:content[- ]type|media[ \t]+type|mime[ \t]+type)/i;
/**
 * Jackson's data-binding errors ("JSON parse error: Cannot deserialize value of type …"): the
 * JSON parsed, its values did not fit the Java type. Not a syntax error in the body.
 */
const DATA_BINDING_AFTER = /^[ \t:]*(?:cannot (?:deserialize|construct|coerce|map)|unrecognized field|mismatchedinput|invalidformat)/i;
/**
 * An exception's class named in code, not thrown: a type argument (`<JsonParseException>`), a
 * parameter (`(JsonParseException exception)`), a class (`JsonParseExceptionMapper`).
 */
const TYPE_IN_CODE_BEFORE = /\b(?:implements|extends|class|new|instanceof)[ \t]+$/;
const TYPE_IN_CODE_AFTER = /^(?:\w|[ \t]*>|[ \t]+[a-z_]\w*[ \t]*[),=]|\.class\b)/;
/** A wording proposed for a message ("Shouldn't we say \"Your input is not a valid JSON\""): not a report. */
const PROPOSAL_BEFORE =
  /\b(?:should(?:n['’]t| not)?|could|would|let['’]s|how about)[ \t]+(?:we|it|this)[ \t]+(?:say|read|show|print|return)\b[^\n]{0,40}$/i;
/** The same message anywhere in the text: a title's bare "Invalid JSON" above it names that message. */
const UNKNOWN_FIELD_MESSAGE = /invalid\s+json\s+payload\s+received\.?\s*unknown\s+name/i;
/** The message's own opening words, as a title repeats them ("Invalid JSON payload received"). */
const BARE_INVALID_JSON = /^invalid json(?: payload)?$/i;
/**
 * A text about a configuration file (or Python's `json.load(f)`, which reads a file) that never
 * speaks of a request: its parse errors are the file's.
 */
const CONFIG_FILE =
  /\b(?:config(?:uration)?(?:\.json|[ \t]+file)?|settings\.json|package\.json|tsconfig\.json)\b|\bjson\.load\(|\b(?:pars|load|read|open)\w*[ \t]+(?:the[ \t]+)?(?:file[ \t]+)?[`'"]?[\w./-]{1,80}\.json\b/i;
const REQUEST_WORDS = /\b(?:body|payload|request|webhook|response|post(?:ed|ing)?|sen[dt]|sending|curl|api)\b/i;

/**
 * Words that name invalid JSON as a kind of input ("invalid JSON", "malformed JSON body", "JSON
 * parse error", "unescaped quotes"), unlike a program's own message (`Unexpected token } in JSON
 * at position 33`, `JSONDecodeError`, Go's `invalid character`), which is printed only when a
 * parse failed.
 */
const CLASS_NAME =
  /^(?:invalid|malformed|broken|bad|incorrect|wrong|unparseable|unreadable|non-json|unescaped|not (?:a )?(?:valid|proper|well-formed)|(?:characters?|quotes?|double quotes?|newlines?) (?:are |were |is |was )?not|json (?:is |was |seems |looks )?(?:parse|parsing|syntax|decode|decoding|invalid|malformed|broken|not valid)|(?:body|payload|request|json) (?:is|was) not)\b/i;

/**
 * What the code does with such input, just before its name: a case it handles ("error message on
 * invalid json", "return 400 for malformed JSON", "Reject invalid json webhooks", "errors such as
 * invalid json") or the message it answers with ("a 400 with a clear 'Invalid JSON' message"). In
 * a text that describes a code change or asks for one, that is a case, not a body that failed;
 * "sending broken JSON payloads" or "fails with \"[object Object]\" is not valid JSON" still report.
 */
const HANDLED_CASE_BEFORE =
  /(?:\b(?:on|for|against|such[ \t]+as|reject(?:s|ed|ing)?|handl(?:e|es|ed|ing)|catch(?:es|ing)?|detect(?:s|ed|ing)?|validat(?:e|es|ed|ing)|warn(?:s|ed|ing)?(?:[ \t]+about)?)[ \t]+(?:(?:a|an|the|any|all)[ \t]+)?[`'"“‘]?|\bwith[ \t]+(?:(?:a|an|the)[ \t]+)?(?:(?:clear|plain|generic|proper|helpful)[ \t]+)?[`'"“‘]{1,2})$/i;

/** Where a message places the error: the numbers it gives, read from the text after the match. */
const POSITIONS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => { line?: number; column?: number; offset?: number }]> = [
  // Python: line 1 column 5 (char 4)
  [/line (\d{1,7}),? column (\d{1,7})/i, (m) => ({ line: Number(m[1]), column: Number(m[2]) })],
  // Jackson: [Source: …; line: 1, column: 12]
  [/line: (\d{1,7}), column: (\d{1,7})/i, (m) => ({ line: Number(m[1]), column: Number(m[2]) })],
  // System.Text.Json: LineNumber: 0 | BytePositionInLine: 5 (both from 0)
  [/LineNumber: (\d{1,7}) \| BytePositionInLine: (\d{1,7})/, (m) => ({ line: Number(m[1]) + 1, column: Number(m[2]) + 1 })],
  // Newtonsoft: line 1, position 5
  [/line (\d{1,7}), position (\d{1,7})/i, (m) => ({ line: Number(m[1]), column: Number(m[2]) })],
  // JavaScript: at position 12; Dart: (at character 3); Ruby: 859: unexpected token
  [/(?:at position|at character|at offset|offset) (\d{1,9})/i, (m) => ({ offset: Number(m[1]) })],
];
/** How far after the message's start its position may be written. */
const POSITION_REACH = 240;
const MAX_REASON = 120;

/**
 * Pieces of a word every message holds, in the cases messages write them ("nexpected" for
 * Unexpected and unexpected): the big regex runs only on windows around these, so a log full of
 * "application/json" costs a few windows, not a pass of the big regex. Case-sensitive on purpose:
 * one small alternation without the i flag is the cheapest pass V8 offers here.
 */
const ANCHOR =
  /json|JSON|Json|nexpected|xpect|nrecogni|nterminated|ncountered|ormatException|nvalid|NVALID|xtra data|roblems parsing|hile parsing|railing comma|ust be a string|ecodeError|omma|parsed|ingle quote|ouble quote| parse|scaped|rror parsing|nterpr/g;
/** How far before and after an anchor a message may reach. */
const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 160;

/** The stretches of `text` around anchors, merged, in order. */
function anchorWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const { index } of text.matchAll(ANCHOR)) {
    const from = Math.max(0, index - WINDOW_BEFORE);
    const to = Math.min(text.length, index + WINDOW_AFTER);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

function* messageMatches(text: string): Generator<{ index: number; text: string }> {
  for (const [from, to] of anchorWindows(text)) {
    // Whole words: the window may cut a word at its start, so step back to the word's start.
    let start = from;
    while (start > 0 && from - start < 40 && /\w/.test(text[start - 1]!)) start--;
    const window = text.slice(start, to);
    for (const match of unionMatches(MESSAGE_REGEXES, window)) yield { index: start + match.index, text: match[0] };
  }
}

export function detectJsonParseErrors(text: string): Finding[] {
  const findings: Finding[] = [];
  let aboutConfigFile: boolean | undefined;
  let namesUnknownField: boolean | undefined;
  let changeText: boolean | undefined;
  let lastEnd = -1;
  for (const match of messageMatches(text)) {
    const start = match.index;
    const end = start + match.text.length;
    if (end <= lastEnd) continue;
    const before = lineBefore(text, start);
    if (REQUIREMENT_BEFORE.test(before) || CODE_BEFORE.test(before) || JSON_FILE_BEFORE.test(before)) continue;
    if (outsideAnAnswer(match.text, before)) continue;
    if (SETTINGS_PLACE_BEFORE.test(before) || PROPOSAL_BEFORE.test(before)) continue;
    const after = text.slice(end, end + 40);
    if (DATA_BINDING_AFTER.test(after) || CONTENT_TYPE_CAUSE_AFTER.test(text.slice(end, end + 80))) continue;
    if (
      /exception|error/i.test(match.text) &&
      !/\s/.test(match.text) &&
      (TYPE_IN_CODE_BEFORE.test(before) || TYPE_IN_CODE_AFTER.test(after))
    )
      continue;
    if (UNKNOWN_FIELD_AFTER.test(text.slice(end, end + 40))) continue;
    if (BARE_INVALID_JSON.test(match.text) && (namesUnknownField ??= UNKNOWN_FIELD_MESSAGE.test(text))) continue;
    if (CONDITION_AFTER.test(text.slice(end, end + 12))) continue;
    if ((aboutConfigFile ??= CONFIG_FILE.test(text) && !REQUEST_WORDS.test(text))) continue;
    if (CLASS_NAME.test(match.text) && HANDLED_CASE_BEFORE.test(before) && (changeText ??= describesACodeChange(text))) continue;
    // Parts of one message ("JSONDecodeError: Expecting value") are one finding.
    const previous = findings.at(-1);
    if (previous && start - lastEnd < 60 && !/[\r\n]/.test(text.slice(lastEnd, start))) {
      previous.end = end;
      previous.excerpt = safeExcerpt(text, previous.start, end);
      lastEnd = end;
      continue;
    }
    findings.push({
      kind: 'json',
      code: null,
      problem: 'invalid-json',
      start,
      end,
      excerpt: safeExcerpt(text, start, end),
    });
    lastEnd = end;
  }
  for (const finding of findings) finding.detail = positionDetail(text, finding.start, finding.end);
  return findings;
}

function lineBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 80), start);
  const newline = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return newline === -1 ? before : before.slice(newline + 1);
}

/** The message as the user may see it: secrets redacted, one line, short. */
function safeExcerpt(text: string, start: number, end: number): string {
  return excerptOf(redactSecretsInText(text.slice(start, Math.min(end, start + 400))), 0, Math.min(end - start, 400));
}

function positionDetail(text: string, start: number, end: number): NonNullable<Finding['detail']> {
  const lineEnd = text.slice(end, end + POSITION_REACH).search(/[\r\n]/);
  const after = text.slice(start, lineEnd === -1 ? end + POSITION_REACH : end + lineEnd);
  const message = safeExcerpt(text, start, end);
  for (const [regex, read] of POSITIONS) {
    const found = regex.exec(after);
    if (!found) continue;
    const { line, column, offset } = read(found);
    if (offset !== undefined) {
      return { reason: clip(`a JSON parser reported "${message}" at character ${offset + 1} of the body`, MAX_REASON) };
    }
    return { line, column, reason: clip(`a JSON parser reported "${message}"`, MAX_REASON) };
  }
  return { reason: clip(`a JSON parser reported "${message}"`, MAX_REASON) };
}

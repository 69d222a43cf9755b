// Stand-ins and masks in credential positions that are not headers: a key field in JSON, YAML or
// code (`"api_key": "<api key>"`, `access_token = 'pat-rest-of-token'`), an env or compose line
// (`STRIPE_API_KEY=sk_test_xxxx`, `- API_KEY:62bce.......`), a command-line flag
// (`--api-key=APIKEY`), a credential query parameter (`?token=XXXX`), and `Bearer` followed by a
// bracketed stand-in anywhere in prose (`send Bearer {access_token}`). Only candidates are found
// here; mistakesInText judges them with the header findings, by the same rules.
import type { Finding } from '../../types';
import {
  isBareRedactionWord,
  isBlankShape,
  isBracketRedaction,
  isDescriptiveStandIn,
  isEnvironmentName,
  isFillInWord,
  isPlaceholderToken,
  isStandInTag,
  isWholeMask,
  isWordStandIn,
  isXStandIn,
} from './credential-classify';
import { lineStartWithin } from '../../text';
import { nameWords } from '../../secret-hints';
import { inWritersOwnBlock } from './credential-register';
import { previewToken } from './credential-preview';
import { KEY_FIELD_WORD_AT, nextWord } from './credential-words';
import { namesSecret, positionValueProblem } from './credential-position';
import { PASSWORD_WORDS } from './secret-name-words';

/** Passwords are people's data in a login body; only a mask saved or sent in one is a mistake. */
const PASSWORD_WORD = new RegExp(`(?:${PASSWORD_WORDS.join('|')})$`);
/**
 * A password a program presents to a service (`api_password`, `smtp_auth_password`,
 * `http-password`): a credential like a key, typed into a config or a URL, not a person's login.
 */
const SERVICE_PASSWORD = new RegExp(`(?:^|[^a-z])(?:api|auth|http|smtp|proxy|service|app)[_.-]?(?:${PASSWORD_WORDS.join('|')})$`);

/** A field whose value is a person's own login password, which may be any word. */
export function isPersonalPasswordName(name: string): boolean {
  const lower = name.toLowerCase();
  return PASSWORD_WORD.test(lower) && !SERVICE_PASSWORD.test(lower);
}

/**
 * Names that hold nothing but a secret (`OPENAI_API_KEY`, `access_token`, `client_secret`),
 * unlike `partition_key`, `page_token` or `cache_key`, whose short word values are ordinary data.
 */
const SECRET_NAME =
  /(?:^|_)(?:api_?(?:key|token|secret)|apikey|access_?(?:key|token)|auth_?(?:key|token|secret)|secret(?:_?key)?|private_?key|bearer_?token|client_?secret|app_?(?:key|secret)|webhook_?secret|master_?key|password|passwd)$|^(?:[a-z]+_)?(?:access|auth|api|bearer|refresh|bot|app|oauth|personal)_?token$|^token$/;
/** An environment variable named for a service's token (`GITHUB_TOKEN`, `HF_TOKEN`): it holds the secret. */
const ENV_TOKEN_NAME = /^[A-Z][A-Z0-9]{1,20}_TOKEN$/;
/** Token names that hold data, not a secret: paging cursors and form nonces. */
const DATA_TOKEN_NAME = /(?:^|_)(?:page|next|prev|sync|continuation|cursor|csrf|xsrf|id|device|push|fcm|session)_token$/;
/**
 * A value the password field's own name stands for (`"password":"password"`, `pass:'ThePassword'`,
 * `your_password`): a stand-in, not a person's password (`mypassword` may be one). Shown as `…` all the same.
 */
export const CREDENTIAL_WORD_VALUE = /^(?:(?:the|your)[_-]?)?(?:password|passwd|pass|secret|token|key|apikey)$/i;
/**
 * True when `value`, found in a field or a setter named `name`, may be a person's own password:
 * anything but the field's own word (`"password":"password"`) or a blank's shape (`<password>`).
 * Such a value is theirs to keep, never a stand-in to report and show.
 */
function mayBeOwnPassword(name: string, value: string): boolean {
  return isPersonalPasswordName(name) && !CREDENTIAL_WORD_VALUE.test(value) && !isBlankShape(value);
}
/**
 * Where a name opens a query parameter or an env line (after a shell prompt too: `$ TOKEN=foo cmd`):
 * an unquoted word after it is a value, not a variable.
 */
const VALUE_POSITION_BEFORE = /(?:[?&]|^[ \t]*(?:[$>%][ \t]+)?(?:-[ \t]+)?(?:export[ \t]+|set[ \t]+)?|[ \t]--?[A-Za-z][\w-]{0,30}[ \t]+)$/;

/**
 * A field name, its closing quote, and `:`, `=` or `=>` (a PHP or Ruby hash); then the value's
 * opening quote. The name is a
 * word of letters, digits, `_`, `.` and `-` after a start, a quote, a flag's dashes, `?`/`&`, a
 * YAML list dash or `export`/`set`. Sticky: tried where a cheap search found a credential word.
 */
const FIELD = /(?<![\w.$-])(-{1,2})?(["']?)([A-Za-z_][\w.-]{0,60})\2([ \t]*)(=>|[:=])([ \t]*)(["'`]?)/y;
/** A command-line flag and its value after a space: `--token <my api key>`, `-k "YOUR_KEY"`. Sticky. */
const FLAG = /(?<![\w.$-])(-{1,2})()([A-Za-z][\w-]{0,40})()( )([ \t]*)(["'`]?)/y;
/**
 * What may follow a flag and a space as its value unquoted: a bracketed blank, or an ellipsis
 * standing for the whole key (`--api-key ... --onetime`). A run of asterisks there is as often a
 * CI log's own redaction (`--token ***`), so it is left to the quoted forms.
 */
const FLAG_VALUE_START = /^(?:[<[{]|(?:\.{3,}|…)(?=\s|$))/;
/** Where a field's name may start, looking back from a credential word. */
const NAME_REACH = 64;
/** Longest value read. */
const MAX_VALUE = 200;
/** Characters that end an unquoted value. */
const VALUE_END = /[\s,;&)}\]>"'`“”‘’，。、）]/;
/**
 * A bracketed stand-in after `Bearer` in prose: `[API_KEY]`, `{access_token}`, `<token>`, `{{ x }}`,
 * or words in double quotes that name the key instead of being it (`Bearer "API Key"`).
 */
const BEARER_STAND_IN =
  /\bbearer[ \t]+(\[[A-Za-z][^\]\n]{0,40}\]|\{\{?[^{}\n]{1,40}\}\}?|<(?:[A-Za-z]|\d{1,4}[- ]?char)[^<>\n]{0,40}>|["“](?:[A-Za-z]+[ \t]){1,3}(?:key|token|secret)["”])/giy;
/** A receiver echoing the key it got (`Invalid API key: pk_test_****enUe`): its mask, not the sender's. */
const ECHO_BEFORE = /\b(?:invalid|incorrect|wrong|unknown|bad|provided|received)\b[^\n]{0,24}$/i;
/** A receiver judging the key it just quoted (`Your api key: ****97fe is invalid`): its mask, not the sender's. */
const ECHO_AFTER = /^["'`]?[ \t]+(?:is|was)[ \t]+(?:invalid|incorrect|wrong|not[ \t]+valid|expired|revoked)\b/i;
/** Bare words a program's variable is called by (`api_key: api_key`, `access_token=access_token`). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An interpolated string (Python f-string, C# `$"…"`) still open before a spot on its line. */
const CODE_STRING_BEFORE = /[f$]["'][^"'\n]*$/;
/** What an interpolated string fills in: one name in single braces (`{token}`, `{self.api_key}`). */
const CODE_VARIABLE = /^\{[A-Za-z_][\w.]*\}$/;

/**
 * A quoted argument of a call: `CrunchBase('myapikey')`, `new OpenAI("YOUR_API_KEY")`,
 * `start_link(SlackRtm, [], "xoxb-some-token")`. Sticky at the opening quote; the callee or an
 * earlier argument is read before it.
 */
const ARGUMENT = /(["'])([^"'\n]{1,80})\1[ \t]*[,)]/y;
const ARGUMENT_BEFORE = /(?:[A-Za-z_$][\w$.]*[ \t]*\(|,)[ \t]*$/;
/** A variable named for a secret as the next argument: the value itself, not written out. */
const VALUE_VARIABLE_AFTER = /^[ \t]*[A-Za-z_$][\w$.]*(?:key|token|secret|password)\w*[ \t]*[,)]/i;
/** A call that looks a value up by its name (`getEnvironmentVariable("access_token")`, `os.getenv("KEY")`). */
const LOOKUP_CALL =
  /(?:get|env|environ|var|secret|config|setting|param|read|load|fetch|lookup|header|cookie|storage|item)\w*[ \t]*\([^()\n]*$/i;

/** `bearer` as a key of its own (`bearer: 'x'`, `"bearer": …`): only then is it read as a field. */
const BEARER_AS_KEY = /^bearer["']?[ \t]*[:=]/i;

/**
 * Candidate findings (placeholder-token, masked-token) in free text; offsets are within `text`.
 * Each hit reads a bounded window, and a value that runs past its bound is skipped whole.
 */
export function keyFieldStandIns(text: string): Finding[] {
  const findings: Finding[] = [];
  let readTo = 0;
  // The cheap first pass: any spot worth a closer look; the next one is looked for from `next`.
  let next = 0;
  for (let hit = nextWord(text, KEY_FIELD_WORD_AT, next); hit; hit = nextWord(text, KEY_FIELD_WORD_AT, next)) {
    next = hit.index + hit[0].length;
    const found =
      hit[0].toLowerCase() === 'bearer'
        ? (bearerStandInAt(text, hit.index) ??
          (BEARER_AS_KEY.test(text.slice(hit.index, hit.index + 12)) ? fieldAt(text, hit.index, readTo) : null))
        : (fieldAt(text, hit.index, readTo) ??
          argumentAt(text, hit.index, readTo) ??
          flagArgumentAt(text, hit.index, readTo) ??
          namedCallArgumentAt(text, hit.index, readTo));
    if (typeof found === 'number') {
      // A run with no end in reach is no value; the hits inside it need no second look.
      next = Math.max(next, found);
    } else if (found) {
      findings.push(found);
      readTo = found.end;
      next = Math.max(next, found.end);
    }
  }
  return findings;
}

/** A stand-in passed as a call's argument, around the credential word at `at`. */
function argumentAt(text: string, at: number, readTo: number): Finding | null {
  let open = at;
  while (open > readTo && open > at - 80 && /[^"'\n]/.test(text[open - 1] ?? '\n')) open -= 1;
  if (open <= readTo || !/["']/.test(text[open - 1] ?? '')) return null;
  const before = text.slice(lineStartWithin(text, open, NAME_REACH), open - 1);
  if (!ARGUMENT_BEFORE.test(before) || LOOKUP_CALL.test(before)) return null;
  ARGUMENT.lastIndex = open - 1;
  const match = ARGUMENT.exec(text);
  const value = match?.[2];
  // An environment variable's name handed to a getter (`getenv("OPENAI_API_KEY")`) is no stand-in.
  if (!match || value === undefined || isEnvironmentName(value) || !isPlaceholderToken(value)) return null;
  // `setApiKey('api_token', my_key_token)`: the quoted word names the parameter the variable fills.
  if (match[0].endsWith(',') && VALUE_VARIABLE_AFTER.test(text.slice(ARGUMENT.lastIndex, ARGUMENT.lastIndex + 60))) return null;
  return candidate('placeholder-token', open, open + value.length, value);
}

/**
 * A call named for a secret with one quoted argument (`.apiKey("xxxxxxxx")`, `setApiKey('YOUR_KEY')`,
 * `withToken("<token>")`): the argument is the value the name holds, as a field's is. Sticky at the
 * callee's start.
 */
const NAMED_CALL = /([A-Za-z_$][\w$]{0,60})[ \t]*\([ \t]*(["'])([^"'\n]{1,80})\2[ \t]*\)/y;
/** First words of calls that look a secret up, check or make one rather than set it. */
const NOT_A_SETTER = new Set([
  'get',
  'has',
  'is',
  'find',
  'read',
  'load',
  'fetch',
  'lookup',
  'remove',
  'delete',
  'validate',
  'check',
  'verify',
  'parse',
  'generate',
  'create',
  'rotate',
  'revoke',
  'mask',
  'redact',
  'print',
  'log',
]);

/** A stand-in or mask passed to a call whose name holds the credential word at `at`. */
function namedCallArgumentAt(text: string, at: number, readTo: number): Finding | null {
  let start = at;
  while (start > readTo && start > at - 60 && /[\w$]/.test(text[start - 1] ?? '')) start -= 1;
  NAMED_CALL.lastIndex = start;
  const match = NAMED_CALL.exec(text);
  const [, callee = '', quote = '', value = ''] = match ?? [];
  if (!match || NOT_A_SETTER.has(nameWords(callee)[0] ?? '') || !namesSecret(callee) || isEnvironmentName(value)) return null;
  const problem = positionValueProblem(value);
  if (problem === null || (problem === 'placeholder-token' && mayBeOwnPassword(callee, value))) return null;
  const valueStart = match.index + match[0].indexOf(quote) + 1;
  return candidate(problem, valueStart, valueStart + value.length, value);
}

/** A flag before a quoted or bracketed value: `-t "`, `--creds <`. */
const FLAG_BEFORE = /(?:^|[ \t])-{1,2}[A-Za-z][\w-]{0,30}[ \t]+$/;
/** Closers of the values a flag may take whole. */
const FLAG_VALUE_CLOSERS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '<': '>' };

/**
 * A stand-in that names a credential, given whole as a flag's value whatever the flag is called
 * (`-t "token-here"`, `-U "MY_PRIVATE_APIKEY"`, `-a <account_api_key>`): short flags do not say
 * what they take, but the value says what it stands for.
 */
function flagArgumentAt(text: string, at: number, readTo: number): Finding | null {
  let open = at;
  while (open > readTo && open > at - 60 && /[\w.-]/.test(text[open - 1] ?? '\n')) open -= 1;
  const closer = FLAG_VALUE_CLOSERS[text[open - 1] ?? ''];
  if (closer === undefined || open - 1 < readTo) return null;
  if (!FLAG_BEFORE.test(text.slice(lineStartWithin(text, open - 1, NAME_REACH), open - 1))) return null;
  const end = closingWithin(text, open, closer, 61);
  if (text[end] !== closer) return null;
  const value = text.slice(open, end);
  const whole = closer === '>' ? `<${value}>` : value;
  if (!/key|token|secret|passw/i.test(value) || isEnvironmentName(value) || !isPlaceholderToken(whole)) return null;
  return closer === '>' ? candidate('placeholder-token', open - 1, end + 1, whole) : candidate('placeholder-token', open, end, value);
}

/**
 * A variable written after `Bearer` inside a single-quoted string, which PHP, JavaScript, Ruby and
 * shells send as written (`'Bearer {$myToken}'`, `'Bearer ${token}'`): the name went out, not the
 * token. Sticky; the string's closing quote must follow the variable.
 */
const LITERAL_VARIABLE =
  /\bbearer[ \t]+(\$\{[A-Za-z_][\w.]{0,40}\}|\{\$[A-Za-z_]\w{0,40}\}|#\{[A-Za-z_][\w.]{0,40}\}|\$[A-Za-z_]\w{0,40})(?=')/iy;
/** A single quote opens the string that `Bearer` stands in, with no other quote after it. */
const SINGLE_QUOTE_OPEN_BEFORE = /'[^'"`\n]*$/;
export const SENT_AS_WRITTEN = 'a variable inside single quotes, which do not interpolate, went out as written';

function literalVariableAt(text: string, at: number): Finding | null {
  LITERAL_VARIABLE.lastIndex = at;
  const match = LITERAL_VARIABLE.exec(text);
  const value = match?.[1];
  if (!match || value === undefined) return null;
  const before = text.slice(lineStartWithin(text, at, NAME_REACH), at);
  // A shell line is a header's (the header scan reads it); a quote opened on its line is code's.
  if (!SINGLE_QUOTE_OPEN_BEFORE.test(before) || /(?:^|\s)-H[ \t]*'[^']*$/.test(before)) return null;
  const found = candidate('placeholder-token', at + match[0].length - value.length, at + match[0].length, value);
  return { ...found, detail: { reason: SENT_AS_WRITTEN } };
}

function bearerStandInAt(text: string, at: number): Finding | null {
  const literal = literalVariableAt(text, at);
  if (literal) return literal;
  BEARER_STAND_IN.lastIndex = at;
  const match = BEARER_STAND_IN.exec(text);
  const value = match?.[1];
  if (!match || value === undefined) return null;
  // `f"Bearer {token}"`, `$"Bearer {token}"`: code fills the braces in when it runs.
  if (CODE_STRING_BEFORE.test(text.slice(lineStartWithin(text, at, NAME_REACH), at))) return null;
  // `Bearer {{ customer.api_token }}` renders when sent; only a stand-in's words inside do not.
  if (value.startsWith('{{') && !isStandInTag(value)) return null;
  if (value.startsWith('{') && !value.startsWith('{{') && !isPlaceholderToken(value)) return null;
  return candidate('placeholder-token', at + match[0].length - value.length, at + match[0].length, value);
}

/** A field whose name ends at the credential word near `at` (looked for backwards on its line). */
function fieldAt(text: string, at: number, readTo: number): Finding | number | null {
  const lineStart = lineStartWithin(text, at, NAME_REACH);
  const from = Math.max(lineStart, readTo);
  // The name holding the word starts after the last character that cannot be in a name.
  let start = at;
  while (start > from && /[\w.-]/.test(text[start - 1] ?? '')) start -= 1;
  const nameStart = start;
  if (start > 0 && /["'-]/.test(text[start - 1] ?? '')) start -= text[start - 2] === '-' && text[start - 1] === '-' ? 2 : 1;
  FIELD.lastIndex = start;
  FLAG.lastIndex = start;
  let match = FIELD.exec(text) ?? FLAG.exec(text);
  // A quote that opens a whole header rather than the name (`-H "X-Vendor-API_key: xxxx"`).
  // An interpolated string (`f"Bearer: {token}"`) is filled in when the code runs.
  const interpolated = (): boolean => CODE_STRING_BEFORE.test(text.slice(lineStart, nameStart));
  if (!match && nameStart > start && /["']/.test(text[nameStart - 1] ?? '') && !interpolated()) {
    FIELD.lastIndex = nameStart;
    match = FIELD.exec(text);
    start = nameStart;
  }
  if (!match) return null;
  const [whole, , keyQuote = '', name = '', spacesBefore = '', sign, spacesAfter = '', quote = ''] = match;
  const isFlag = sign === ' ';
  // `'api_key' => '…'` in a PHP array or a Ruby hash is a value assigned in code, as `=` is.
  const assigned = sign === '=' || sign === '=>';
  const lower = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  if (!namesSecret(name)) return null;
  // `api_key = sample_key` in code names a variable; a bare value counts in `NAME=value` (an env
  // line, a flag, a query).
  // An ini line (`password = REDACTED`, `MainApiKey = XXXX`) spaces its sign too; an x-run, a
  // fill-in word or a redaction word names no variable (`sample_key` may: it stays code's).
  const spacedValueAt = match.index + whole.length;
  if (
    assigned &&
    quote === '' &&
    (spacesBefore !== '' || spacesAfter !== '') &&
    !isUnnameable(text.slice(spacedValueAt, unquotedEnd(text, spacedValueAt)))
  )
    return null;
  // After a flag and a space, only a bracketed blank, a quoted value or a bare ellipsis is the
  // flag's: `--key value` may be any word of a sentence.
  // A flag named for a credential (`--api-key`, `--token`) takes a stand-in's own shape unquoted too.
  const flagValueAt = match.index + whole.length;
  if (
    isFlag &&
    quote === '' &&
    !FLAG_VALUE_START.test(text.slice(flagValueAt, flagValueAt + 8)) &&
    !isStrongStandIn(text.slice(flagValueAt, unquotedEnd(text, flagValueAt)))
  )
    return null;
  if (ECHO_BEFORE.test(text.slice(Math.max(lineStart, start - 40), start))) return null;
  const valueStart = match.index + whole.length;
  const valueEnd = quote === '' ? unquotedEnd(text, valueStart) : closingWithin(text, valueStart, quote, MAX_VALUE + 1);
  if (valueEnd - valueStart > MAX_VALUE) return valueStart + MAX_VALUE;
  if (valueEnd <= valueStart) return null;
  const value = text.slice(valueStart, valueEnd);
  if (ECHO_AFTER.test(text.slice(valueEnd, valueEnd + 24))) return null;
  // `f"Secret Key: {webhook_secret}"`: inside an interpolated string the braces are code's variable.
  if (quote === '' && CODE_VARIABLE.test(value) && interpolated()) return null;
  if (value.includes('\n') || value.includes('://') || isBracketRedaction(value)) return null;
  // Unquoted, a bare word is a variable in code (`{api_key: api_key}`); only a stand-in's shape counts.
  // Unquoted, a word the name itself holds (`apitoken=api key`) is the name retyped in a sentence.
  // Read only when the value's own shape did not settle it: most fields never get this far.
  const wordStandIn = (): boolean =>
    !(isFlag && quote === '') &&
    isWordStandIn(value) &&
    (SECRET_NAME.test(lower.replace(/[-.]/g, '_')) || ENV_TOKEN_NAME.test(name)) &&
    !DATA_TOKEN_NAME.test(lower) &&
    // After a quoted key (`'X-Auth-Token': authToken`), an unquoted word is code's variable, not YAML's value.
    (quote !== '' ||
      (keyQuote === '' && !lower.includes(value.toLowerCase()) && inValuePosition(text, { lineStart, nameStart: start, valueEnd }, sign)));
  if (
    quote === '' &&
    IDENTIFIER.test(value) &&
    !isDescriptiveStandIn(value) &&
    !/x{3}/i.test(value) &&
    !isFillInWord(value) &&
    !isBareRedactionWord(value) &&
    !wordStandIn()
  )
    return null;
  // A whole mask is the writer's in code they assigned it in, or in a config they show as theirs.
  // A bare `REDACTED` is the writer's where their `****` would be: assigned (in code, a URL's query,
  // an env line) or in their own block; after a colon elsewhere it is what tools print (`token: REDACTED`).
  if (isBareRedactionWord(value))
    return assigned || inWritersOwnBlock(text, valueStart) ? candidate('placeholder-token', valueStart, valueEnd, value) : null;
  const typedLiteral = typedLiteralBefore(text.slice(Math.max(0, valueStart - 64), valueStart));
  const writersMask = ((assigned || typedLiteral) && quote !== '') || (isWholeMask(value) && inWritersOwnBlock(text, valueStart));
  const problem = positionValueProblem(value, writersMask) ?? (wordStandIn() ? 'placeholder-token' : null);
  if (problem === null) return null;
  if (problem === 'placeholder-token' && mayBeOwnPassword(lower, value)) return null;
  return candidate(problem, valueStart, valueEnd, value);
}

/**
 * An unquoted key, a colon and a quote just before a value (`pass: '*****'`,
 * `smtp_auth_password: '***'`): read as a literal typed in code or YAML, so a whole mask there is
 * the writer's. Tools print this shape too (a YAML dumper must quote `'***'`, Node's `util.inspect`
 * shows `{ pass: '****' }`), but JSON loggers quote the key and most loggers no value; the eval
 * keeps the rule (3 masks found in held-out sets, none false, when it was tried without it).
 */
const TYPED_LITERAL_BEFORE = /(?:^|[\s{,])[A-Za-z_][\w.-]{0,60}[ \t]*:[ \t]*["']$/;

export function typedLiteralBefore(before: string): boolean {
  return TYPED_LITERAL_BEFORE.test(before);
}

/** Stand-ins no program names a variable by: an x-run, a fill-in word, a redaction word. */
function isUnnameable(value: string): boolean {
  return isXStandIn(value) || isFillInWord(value) || isBareRedactionWord(value);
}

/** Shapes no sentence's next word has: an x-run, a fill-in word, a described key (`YOUR_API_KEY`), `REDACTED`. */
function isStrongStandIn(value: string): boolean {
  return isXStandIn(value) || isFillInWord(value) || isDescriptiveStandIn(value) || isBareRedactionWord(value);
}

/**
 * An unquoted word is a value, not a program's variable, after a query's `?`/`&`, on an env line
 * (`API_KEY=censored`, `export TOKEN=mytoken`) or as a YAML line's value (`api_key: changeme`).
 */
function inValuePosition(
  text: string,
  span: { lineStart: number; nameStart: number; valueEnd: number },
  sign: string | undefined,
): boolean {
  const before = text.slice(span.lineStart, span.nameStart);
  if (sign === '=') return VALUE_POSITION_BEFORE.test(before);
  return /^[ \t]*(?:-[ \t]+)?$/.test(before) && /^[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/.test(text.slice(span.valueEnd, span.valueEnd + 120));
}

/** Closers of a bracketed blank read whole though it holds spaces (`<my access token>`). */
const BRACKET_CLOSERS: Readonly<Record<string, string>> = { '<': '>', '[': ']', '{': '}' };

/** Where `closer` next occurs within `reach` characters of `from`, else the end of that reach. */
function closingWithin(text: string, from: number, closer: string, reach: number): number {
  const at = text.slice(from, from + reach).indexOf(closer);
  return at < 0 ? from + reach : from + at;
}

function unquotedEnd(text: string, from: number): number {
  const closer = BRACKET_CLOSERS[text[from] ?? ''];
  if (closer !== undefined) {
    const end = closingWithin(text, from + 1, closer, 61) + 1;
    if (text[end - 1] === closer && !text.slice(from, end).includes('\n')) return end;
  }
  const limit = Math.min(text.length, from + MAX_VALUE + 1);
  let end = from;
  while (end < limit && !VALUE_END.test(text[end] ?? ' ')) end += 1;
  // A sentence's full stop is not part of the value; an ellipsis is. A colon before a space ends a
  // URL quoted in a log line (`?access_token=censored: 401`).
  while (end > from && text[end - 1] === '.' && text[end - 2] !== '.') end -= 1;
  if (end > from + 1 && text[end - 1] === ':') end -= 1;
  return end;
}

function candidate(problem: 'placeholder-token' | 'masked-token', start: number, end: number, value: string): Finding {
  return { kind: 'credential', code: null, problem, start, end, excerpt: previewToken(value) };
}

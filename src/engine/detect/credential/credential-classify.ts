// Classifies a credential token without ever copying it: is it a mask, a placeholder, a
// log viewer's redaction, or (by elimination) something that may be a real secret?
import { BRACKETED_KEY_HINT } from '../../secret-hints';
import { mixesCasesAndDigits } from '../../text';

/** Characters people and UIs use to hide a secret. */
const WHOLE_MASK = /^[#*•●·∙⋅?]+$/;
/**
 * Runs of x/X typed in place of the value ("XXXX", "xxxx-xxxx", "xxx/xxx/xxx"), after at most a vendor's prefix
 * (`sk-xxxxx`, `pl_xxx`, `SG.xxxx`, `sk_live_XXXXXXXX`, `up:key:XXXX`): a stand-in, as the issue reads it, not a mask of a
 * real key, which keeps some of its own characters (`ab12xxxx`).
 */
const X_STAND_IN = /^(?:[A-Za-z]{1,8}[-_.:]){0,3}(?=(?:[^xX]*[xX]){3})[xX][xX_/-]*$/;
/** One letter typed over and over (`yyy`, `aaaa`): no generator makes a key or a password so. */
const ONE_LETTER_RUN = /^([A-Za-z])\1{2,}$/;
/**
 * A partly hidden secret keeps some real characters around a run of mask characters; a run of
 * dashes counts after a real start (`CFF4E701D5CB--------`), where no key format puts one.
 */
const PARTIAL_MASK = /[#*•●·∙⋅?]{3,}|…|\.{3,}|X{6,}|x{6,}|(?<=[A-Za-z0-9]{4})-{6,}/;
/** Redaction words a person types in place of a value; tools print them too. */
const TYPED_REDACTION_WORDS = ['redacted', 'removed', 'omitted', 'censored'];
/** Every word that says a value was hidden: the typed ones and those only tools print. */
const REDACTION_WORDS = [...TYPED_REDACTION_WORDS, 'hidden', 'filtered', 'masked', 'obfuscated'].join('|');
/** Typed words that are also a sentence's (`--api-key omitted`): only in capitals are they a stand-in. */
const SENTENCE_WORDS = new Set(['removed', 'omitted']);

/** A redaction word alone or in any brackets (`[REDACTED]`, `(hidden)`, `REDACTED`). */
const BRACKET_WORD = new RegExp(`^[[<({]?\\s*(?:${REDACTION_WORDS}|secret hidden)\\s*[\\]>)}]?$`, 'i');
/**
 * A typed redaction word in the angle brackets or braces a person writes a blank in (`<redacted>`,
 * `<removed>`, `{censored}`): the writer's stand-in like `YOUR_TOKEN`, not a mask. Tools print
 * their own redaction in square brackets (`[REDACTED]`, `[FILTERED]`) or bare (`token: REDACTED`).
 */
const WRITERS_REDACTION_WORD = new RegExp(
  `^(?:<(?:${TYPED_REDACTION_WORDS.join('|')})>|\\{(?:${TYPED_REDACTION_WORDS.join('|')})\\})$`,
  'i',
);

/** True for a redaction word the writer typed in a blank's brackets (`<redacted>`, `{removed}`). */
export function isWritersRedactionWord(token: string): boolean {
  return WRITERS_REDACTION_WORD.test(token);
}

/**
 * A bare typed redaction word (`REDACTED`, `censored`, `REMOVED`): tools print it too (`kubectl
 * config view`, loggers), so it is the writer's only where the value was theirs to type.
 */
export function isBareRedactionWord(token: string): boolean {
  const lower = token.toLowerCase();
  return TYPED_REDACTION_WORDS.includes(lower) && (!SENTENCE_WORDS.has(lower) || token === token.toUpperCase());
}
/** What CI tools print in brackets for an encrypted variable: Travis's "[secure]". */
const TOOL_SECRET_WORD = /^[[<({]\s*secure\s*[\]>)}]$/i;

/**
 * Placeholder shapes: `<token>`, `[TOKEN]`, `{access_token}`. Letters first so random strings rarely
 * fit; in angle brackets a size may lead when a credential word follows (`<64-char api token>`).
 */
const ANGLE_PLACEHOLDER =
  /^<(?:[A-Za-z]|\d{1,4}[- ]?(?:chars?|characters?|digits?|bytes?)\b(?=[^>]*(?:key|token|secret)))[\w .:-]{0,60}>$/i;
const SQUARE_PLACEHOLDER = /^\[[A-Za-z][\w .:-]{0,60}\]$/;
/**
 * A key put in the angle brackets blanks are written in (`<q7Zx9Wv2Lm4K>`): one word that reads as
 * a generated key. A blank there is words (`<YOUR_TOKEN>`, `<api-key>`, `<token123>`); the
 * redactor hides the same words as keys.
 */
const BRACKETED_WORD = new RegExp(`^${BRACKETED_KEY_HINT.source}$`);

function isBracketedKey(token: string): boolean {
  const word = BRACKETED_WORD.exec(token)?.[1];
  return word !== undefined && mixesCasesAndDigits(word);
}
/** One pair of braces around a name is a doc's blank; `{{ }}` and `${ }` are template tags. */
const CURLY_PLACEHOLDER = /^\{[A-Za-z_][\w.-]{0,60}\}$/;
/** Words only (no digits): the shape of "YOUR_API_KEY" or "your-token-here". */
const WORDY = /^[A-Za-z_\- ]{3,60}$/;
/** Longest phrase with numbers read (`token123here`, `your_key_2`). */
const MAX_NUMBERED_PHRASE = 60;

/**
 * Words with short numbers among them (`token123here`, `MySecretKey123`): still a phrase when its
 * letters make one. Read with plain tests, not one pattern: a repeated group of optional parts
 * would backtrack without end on a long run of digits.
 */
function isNumberedPhrase(token: string): boolean {
  if (token.length > MAX_NUMBERED_PHRASE || !/^[A-Za-z][\w-]*$/.test(token) || !/\d/.test(token)) return false;
  return (token.match(/\d+/g) ?? []).every((digits) => digits.length <= 4);
}
/** Config templates' fill-me-in words (`REPLACE_ME`, `changeme`, `FIXME`): a value nobody set. */
const FILL_IN_WORDS = ['changeme', 'replaceme', 'changeit', 'fixme', 'fillmein'];

/** True for a fill-me-in word however it is cased or joined (`REPLACE_ME`, `change-me`). */
export function isFillInWord(token: string): boolean {
  return /^[A-Za-z_-]{5,12}$/.test(token) && FILL_IN_WORDS.includes(token.toLowerCase().replace(/[-_]/g, ''));
}

/** True for a run of x typed in place of the value, after at most a vendor's prefix (`xxxx`, `SG.xxxx`). */
export function isXStandIn(token: string): boolean {
  return X_STAND_IN.test(token);
}
const PLACEHOLDER_WORDS = new Set([
  'token',
  'apikey',
  'key',
  'secret',
  'password',
  'accesstoken',
  'authtoken',
  'apitoken',
  'bearertoken',
  'testorproductiontoken',
  'productiontoken',
  'testtoken',
  ...FILL_IN_WORDS,
  'placeholder',
  'undefined',
  'null',
  'none',
  'todo',
  'tbd',
  'example',
  'yourtoken',
  'mytoken',
  // Words that say the value is no real one: a sender's test or a tool's filler.
  'noop',
  'invalid',
  'notvalid',
  'notneeded',
  'blah',
]);
const PLACEHOLDER_PHRASE =
  /^(?:your|my|insert|enter|paste|put|add|replace|the|madeup|fake|dummy|bogus|sample|example)[a-z]*(?:token|key|secret|password|credentials?)(?:here)?$|(?:token|key|secret|password)here$/;
/**
 * A shell or batch variable reference (`$your_access_token`, `$env:YOUR_KEY`, `%YOUR_TOKEN%`):
 * its name, when the reference is the whole token.
 */
const VARIABLE_REFERENCE = /^(?:\$(?:env:)?([A-Za-z_][\w-]{2,60})|%([A-Za-z_][\w-]{2,60})%)$/;
/** An environment-variable name such as POPLAR_API_TOKEN. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const CONSTANT_SECRET_WORD = /TOKEN|KEY|SECRET|PASSWORD/;

/** A variable's name such as OPENAI_API_KEY, not prefixed by a stand-in's word (YOUR_…, MY_…). */
export function isEnvironmentName(token: string): boolean {
  return CONSTANT_NAME.test(token) && !/^(?:YOUR|MY|INSERT|ENTER|PASTE|REPLACE|EXAMPLE|SAMPLE)_/i.test(token);
}

/** True when the whole token is made of mask characters or a "[hidden]"-style word. */
export function isWholeMask(token: string): boolean {
  return WHOLE_MASK.test(token) || (BRACKET_WORD.test(token) && !isWritersRedactionWord(token) && !isBareRedactionWord(token));
}

/** True when the token is fully or partly masked ("###", "ab12****89", "ab12…89"). */
export function isMaskedToken(token: string): boolean {
  return !X_STAND_IN.test(token) && (isWholeMask(token) || PARTIAL_MASK.test(token) || isElidedByWords(token) || REDACTED_TAIL.test(token));
}

/**
 * A key whose real start is kept and whose rest is replaced by a word saying so
 * (`gcthyhtdhffqmthrrroRedactedToken`, `xoxb-REDACTED`): masked by the writer.
 */
const REDACTED_TAIL = new RegExp(`^[A-Za-z0-9][\\w.-]{3,200}?[-_.]?(?:${REDACTION_WORDS})(?:[-_]?(?:token|key|secret))?$`, 'i');

/**
 * What a log viewer prints in place of a secret: "[REDACTED]", "[FILTERED]", "[hidden]"
 * or a bare run of asterisks. These are the viewer's doing, not the user's.
 */
export function isLogViewerRedaction(value: string): boolean {
  return /^\*{3,}$/.test(value) || isBracketRedaction(value);
}

/** "[REDACTED]", "(hidden)", "[secure]": a tool's redaction word inside brackets; `<redacted>` is the writer's. */
export function isBracketRedaction(value: string): boolean {
  return (/^[[<({]/.test(value) && BRACKET_WORD.test(value) && !isWritersRedactionWord(value)) || TOOL_SECRET_WORD.test(value);
}

/** Fewest characters, and runs, of a token typed as runs of one repeated character. */
const MIN_RUN = 3;
const MIN_RUNS = 2;

/**
 * A token typed as runs of one repeated character (`xxxyyyzzz`, `aaaa-bbbb`, `1111_2222`): a
 * stand-in for a value, which no generator produces. Counted in a loop: a regex with a
 * back-reference inside a repeated group would backtrack on long runs.
 */
export function isRepeatedRuns(token: string): boolean {
  let runs = 0;
  let i = 0;
  while (i < token.length) {
    const char = token[i]!;
    if (i > 0 && '-_.'.includes(char)) {
      i += 1;
      continue;
    }
    if (!/[A-Za-z0-9]/.test(char)) return false;
    let end = i + 1;
    while (end < token.length && token[end] === char) end += 1;
    if (end - i < MIN_RUN) return false;
    runs += 1;
    i = end;
  }
  return runs >= MIN_RUNS;
}

/** Words that tell what the value is instead of being it. */
const DESCRIBING_WORD = /^(?:my|your|some|the|insert|put|paste|here|actual|real|goes|dummy|fake|sample|example|made|bogus)$/;
/** Words that say part of a real value was left out (`pat-rest-of-token`): an elision, not a blank. */
const ELIDING_WORD = /^(?:rest|remainder|remaining)$/;
const CREDENTIAL_NAME = /^(?:token|key|secret|apikey|password|credentials?|auth)$/;
/** Words joined by `-` or `_`, after at most a vendor's prefix (`xoxb-some-token`, `your-secret-key`). */
const JOINED_WORDS = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+){1,6}$/;

function joinedWords(value: string): string[] | null {
  return JOINED_WORDS.test(value) ? value.toLowerCase().split(/[-_]/) : null;
}

/**
 * Words that describe the value instead of being it: `my_token`, `your-secret-key`, `api_key_here`,
 * `some_token_227_letters`, `xoxb-some-token`. Word-only shapes such as `YOUR_API_KEY` are
 * placeholders by isPlaceholderToken already.
 */
export function isDescriptiveStandIn(value: string): boolean {
  const words = joinedWords(value);
  if (words === null || words.some((word) => ELIDING_WORD.test(word))) return false;
  return words.some((word) => DESCRIBING_WORD.test(word)) && words.some((word) => CREDENTIAL_NAME.test(word));
}

/** A key whose rest is described as left out: `pat-rest-of-token`, `sk-remainder-of-key`. */
export function isElidedByWords(value: string): boolean {
  const words = joinedWords(value);
  return words !== null && words.some((word) => ELIDING_WORD.test(word)) && words.some((word) => CREDENTIAL_NAME.test(word));
}

/**
 * A name written in camelCase words that ends in what it names (`base64EncodedCredentials`,
 * `yourApiKey`, `myAccessToken`): as a header's value, a variable's or a doc's name for the value,
 * typed in its place. Three words at least: `accessToken` alone is how code names a variable. Data
 * fields hold such names as values (`"key": "generatorPublicKey"`), so only headers ask.
 */
const CAMEL_NAME = /^(?:[a-z]+|base64)(?:[A-Z][a-z]+|64){1,5}(?:Token|Key|Secret|Credentials?|Password)$/;

export function isCamelCaseName(token: string): boolean {
  return token.length <= 40 && CAMEL_NAME.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/**
 * Words of a script other than Latin, after at most a vendor's prefix (`sk-密钥`, `ваш-токен`):
 * a key generator writes ASCII only, so letters such as these name the value in the writer's
 * language instead of being it.
 */
const NATIVE_WORD = /^(?:[A-Za-z]{1,8}[-_.])?(?=[^\s]*[^\p{ASCII}])[\p{L}\p{M}_-]{1,40}$/u;

/** True when the whole token is a placeholder someone forgot to replace. */
export function isPlaceholderToken(token: string): boolean {
  if (isWholeTemplateTag(token) || isWritersRedactionWord(token)) return true;
  if (NATIVE_WORD.test(token)) return true;
  if (isDescriptiveStandIn(token)) return true;
  if (X_STAND_IN.test(token) || ONE_LETTER_RUN.test(token) || isRepeatedRuns(token)) return true;
  if ((ANGLE_PLACEHOLDER.test(token) && !isBracketedKey(token)) || SQUARE_PLACEHOLDER.test(token) || CURLY_PLACEHOLDER.test(token))
    return true;
  if (CONSTANT_NAME.test(token) && CONSTANT_SECRET_WORD.test(token)) return true;
  // A variable named as a stand-in (`$your_access_token`) is a doc's blank the reader was to fill
  // in, whatever the shell does with it; `$TOKEN` or `%API_KEY%` is a real variable.
  const variable = VARIABLE_REFERENCE.exec(token);
  if (variable) return PLACEHOLDER_PHRASE.test((variable[1] ?? variable[2] ?? '').toLowerCase().replace(/[^a-z]/g, ''));
  if (!WORDY.test(token)) return isNumberedPhrase(token) && PLACEHOLDER_PHRASE.test(token.toLowerCase().replace(/[^a-z]/g, ''));
  const letters = token.toLowerCase().replace(/[^a-z]/g, '');
  return PLACEHOLDER_WORDS.has(letters) || PLACEHOLDER_PHRASE.test(letters);
}

/**
 * Shapes no one picks as a password: a bracketed blank (`<password>`), a constant's name
 * (`MY_TOKEN`, `YOUR_PASSWORD`), a run of x or of any one letter (`yyy`), a redaction word (`REDACTED`). In a password field, which otherwise holds a person's
 * own data, they are stand-ins all the same.
 */
const BLANK_SHAPE = /^(?:[<[{][^<>[\]{}]*[>\]}]|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[xX]{3,})$/;

export function isBlankShape(value: string): boolean {
  return BLANK_SHAPE.test(value) || ONE_LETTER_RUN.test(value) || isBareRedactionWord(value);
}

/** True for a value that is not a secret (mask or placeholder): safe to show as typed. */
export function isNonSecretToken(token: string): boolean {
  return isWholeMask(token) || isPlaceholderToken(token) || isBareRedactionWord(token);
}

export interface TagRange {
  start: number;
  end: number;
}

const TAG_OPENERS: ReadonlyArray<readonly [string, string]> = [
  ['{{', '}}'],
  ['{%', '%}'],
  ['${', '}'],
  ['<%', '%>'],
];

/**
 * Template tags in a string ({{ }}, {% %}, ${ }, <% %>), in order. Linear: the next position of
 * each opener is cached and only searched again once the scan has passed it, and an opener
 * whose closer is missing is not searched again.
 */
export function templateTagRanges(text: string): TagRange[] {
  const ranges: TagRange[] = [];
  const nextAt = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    const next = nextTagStart(text, i, nextAt);
    if (next === null) break;
    const [opener, closer, at] = next;
    let close = text.indexOf(closer, at + opener.length);
    if (close < 0) {
      nextAt.set(opener, -1);
      i = at + 1;
      continue;
    }
    // Braze nests a ${var} inside {{ }}: `{{${user_id}}}` ends with three braces.
    if (opener === '{{' && text[close + 2] === '}' && text.slice(at + 2, close).includes('{')) close += 1;
    ranges.push({ start: at, end: close + closer.length });
    i = close + closer.length;
  }
  return ranges;
}

/** The earliest opener at or after `from`; -1 in `nextAt` marks an opener with no closer left. */
function nextTagStart(text: string, from: number, nextAt: Map<string, number>): [string, string, number] | null {
  let best: [string, string, number] | null = null;
  for (const [opener, closer] of TAG_OPENERS) {
    let at = nextAt.get(opener);
    if (at === -1) continue;
    if (at === undefined || at < from) {
      at = text.indexOf(opener, from);
      nextAt.set(opener, at);
    }
    if (at >= 0 && (best === null || at < best[2])) best = [opener, closer, at];
  }
  return best;
}

/** `{{ YOUR API KEY }}`: words with spaces inside a tag are a stand-in no template can render. */
export function isStandInTag(tag: string): boolean {
  const inner = tag.replace(/^\{\{?\s*|\s*\}\}?$/g, '');
  return /^[A-Za-z]+(?: [A-Za-z]+){1,5}$/.test(inner) && /key|token|secret/i.test(inner);
}

/** True when the token is one template tag and nothing else. */
export function isWholeTemplateTag(token: string): boolean {
  const ranges = templateTagRanges(token);
  return ranges.length === 1 && ranges[0]?.start === 0 && ranges[0].end === token.length;
}

/** True when a template tag appears anywhere in the token. */
export function containsTemplateTag(token: string): boolean {
  return templateTagRanges(token).length > 0;
}

/**
 * Braze keeps secrets in Content Blocks and pulls them in with Liquid
 * (`{{content_blocks.${api_key}}}`): that tag renders the real key, so it is not a placeholder.
 */
export function isContentBlockReference(token: string): boolean {
  return /^\{\{\s*content_blocks\./.test(token);
}

/** Schema and switch words a key field may hold in docs and configs: a type or a setting, not a secret's stand-in. */
const SETTING_WORD =
  /^(?:string|str|number|int|integer|boolean|bool|true|false|object|array|any|text|optional|required|yes|no|on|off|enabled?|disabled?|header|query|body|bearer|basic|oauth2?|env|file|auto|default|none|null|nil|string\[\])$/i;
/** Longest word-only value still read as typed by a person (`censored`, `skxyz`, `tokenhere`). */
const MAX_SHORT_WORD = 12;
/** Most words a phrase typed in place of a key has (`my 156 key here`, `geheime key`). */
const MAX_PHRASE_WORDS = 6;

/**
 * A value no key generator produces: a phrase of words with spaces (`my 156 key here`), or one
 * short word of letters only (`censored`, `skxyz`, `na`). Generated secrets are long runs with
 * digits, mixed case or symbols and never hold a space; only settings and type names
 * (`string`, `true`, `header`) look like this and are not stand-ins.
 */
export function isWordStandIn(value: string): boolean {
  if (value.length < 2 || value.length > 48 || /[^A-Za-z0-9 _.-]/.test(value)) return false;
  if (value.includes(' ')) {
    const words = value.trim().split(/ +/);
    return (
      words.length >= 2 &&
      words.length <= MAX_PHRASE_WORDS &&
      words.every((word) => /^[A-Za-z]+$|^\d{1,4}$/.test(word)) &&
      words.some((word) => /^[A-Za-z]{2,}$/.test(word))
    );
  }
  if (SETTING_WORD.test(value)) return false;
  // Small letters only, however long (`lsdgwalsfgalfhpjash…`): typed by hand. A generated key of
  // that length mixes in digits and capitals (20 base-62 characters lack both with a chance near
  // one in ten million). Capitals only are left alone: base-32 secrets may lack digits.
  return (value.length <= MAX_SHORT_WORD && /^[A-Za-z]+$/.test(value)) || /^[a-z]+$/.test(value);
}

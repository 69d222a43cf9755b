// Credential mistakes stated by the people who made or fixed them, in shapes the told sentences
// (credential-told.ts) do not read: a fix that worked ("Set 'Bearer' at Header prefix and it
// works"), the wrong scheme named ("uses `Token` instead of `Bearer`"), a stripped token sent on,
// a masked value said to have been sent, an environment variable's name given as the key, and
// substitution that never happened. Each sentence passes the same report-or-rule judgement
// (ruledOut) as the told ones.
import type { Finding } from '../../types';
import { isPlaceholderToken } from './credential-classify';
import { DOCUMENTATION_SIGNAL, FAILURE_SIGNAL } from './credential-context';
import { looksLikeMachineLog } from './credential-prose';
import { readsAsFirstPersonReport } from './credential-register';
import { ruledOut, type ToldProblem } from './credential-told';
import { redactedExcerptOf } from '../shared/text-excerpt';
import { execAll } from '../shared/text-match';

const QUOTE = `["'\`“”‘’]?`;
const BEARER = `${QUOTE}bearer${QUOTE}`;
/** A credential in the words of a sentence. */
const CREDENTIAL_NOUN = '(?:credentials?|api\\s*keys?|keys?|tokens?|secrets?|passwords?)';
/** Words that put a sentence about variables on a credential. */
export const ABOUT_CREDENTIALS = /auth|token|api.?key|bearer|credential|secret|header/i;

interface Statement {
  problem: ToldProblem;
  pattern: RegExp;
  /** A further test of the whole text, when the sentence alone does not say enough. */
  holdsIn?: (text: string, start: number, end: number) => boolean;
}

const mentionsBearer = (text: string): boolean => /bearer/i.test(text);

const nearCredentialWords = (text: string, start: number, end: number): boolean =>
  ABOUT_CREDENTIALS.test(text.slice(Math.max(0, start - 120), end + 120));

const STATEMENTS: readonly Statement[] = [
  // The scheme left out, named as the header's prefix: "I missed to set Header Prefix".
  {
    problem: 'missing-bearer-prefix',
    pattern:
      /(?:missed|missing|forgot|forgotten|omitted|omitting|without|lacks?|lacking)\s+(?:to\s+(?:set|add|include|put|specify)\s+)?(?:the\s+|a\s+)?(?:header|auth(?:orization)?|token)[ -]?(?:prefix|scheme)\b/gi,
    holdsIn: mentionsBearer,
  },
  // The fix that worked: "Set 'Bearer' at Header prefix and it works properly".
  {
    problem: 'missing-bearer-prefix',
    pattern: new RegExp(
      `\\b(?:set|setting|add(?:ed|ing)?|put|prepend(?:ed|ing)?|includ(?:e|ed|ing))\\s+${BEARER}(?:\\s+(?:at|in|to|before|as|into)\\s+(?:the\\s+)?[\\w -]{1,30}?)?\\s*[,-]?\\s+(?:(?:and|then)\\s+)?(?:now\\s+)?(?:it|everything|the\\s+(?:request|call|api))\\s+(?:now\\s+)?works?\\b`,
      'gi',
    ),
  },
  // Another scheme where Bearer belongs: "that client uses `Token` instead of `Bearer`".
  {
    problem: 'missing-bearer-prefix',
    pattern: new RegExp(
      `\\b(?:uses?|using|used|sends?|sending|sent|pass(?:es|ed|ing)?)\\s+(?:the\\s+)?${QUOTE}(?:token|jwt|basic)${QUOTE}\\s+(?:scheme\\s+|prefix\\s+)?instead\\s+of\\s+${BEARER}`,
      'gi',
    ),
  },
  // A token whose scheme was stripped, sent on: "forwards that raw token as the Authorization header".
  {
    problem: 'missing-bearer-prefix',
    pattern:
      /\b(?:forward(?:s|ed|ing)?|sen(?:ds?|t|ding)|pass(?:es|ed|ing)?|sets?|setting|puts?|putting|us(?:e|es|ed|ing))\s+(?:that|this|the|a|its)\s+(?:raw|bare|plain|naked|stripped)\s+(?:token|jwt|key|access\s+token)\s+(?:as|in|into)\s+(?:the\s+|an?\s+)?[`'"]?auth/gi,
  },
  // "missing the Bearer schema", "without the Bearer auth scheme".
  {
    problem: 'missing-bearer-prefix',
    pattern: new RegExp(
      `\\b(?:missing|without|lacks?|lacking|omit(?:s|ted)?|forgot)\\s+(?:the\\s+|a\\s+)?${BEARER}\\s*(?:schema|auth(?:entication)?\\s+scheme|part)\\b`,
      'gi',
    ),
  },
  // The space after the scheme told missing: "Fixed space character issue missing in the bearer token header".
  {
    problem: 'missing-bearer-prefix',
    pattern: new RegExp(
      `\\bspace\\s+(?:character\\s+)?(?:issue\\s+)?(?:is\\s+|was\\s+)?missing\\s+(?:in|after|from)\\s+(?:the\\s+)?${BEARER}`,
      'gi',
    ),
  },
  // A masked value said to have gone out: "Fix for sending a masked value in the Authorization header".
  {
    problem: 'masked-token',
    pattern:
      /\b(?:sen(?:ds?|t|ding)|forward(?:s|ed|ing)?|pass(?:es|ed|ing)?|submit(?:s|ted|ting)?|post(?:s|ed|ing)?|us(?:e|es|ed|ing))\s+(?:the\s+|a\s+|an\s+)?(?:masked|redacted|obfuscated|starred)\s+(?:value|string|version|copy|token|key|password|secret|header|credential)s?\s+(?:(?:in|as|into|with)\s+(?:the\s+|an?\s+)?[`'"]?(?:auth\w*|headers?|passwords?|keys?|tokens?|secrets?|credentials?|requests?|body)\b|to\s+(?:the\s+)?(?:server|api|upstream|provider|backend|remote|receiver))/gi,
  },
  // "The masked value was then sent to the server".
  {
    problem: 'masked-token',
    pattern:
      /\b(?:masked|redacted|obfuscated)\s+(?:value|string|version|copy|token|key|password|secret)s?\s+(?:was|were|is|are|gets?|got|had\s+been|has\s+been)\s+(?:then\s+|actually\s+|also\s+|still\s+)?(?:sent|posted|submitted|forwarded|used|passed|transmitted)\s+(?:to|as|in|into|upstream|back)\b/gi,
  },
  // The mask read as the value: "the importer took ***** as the secret".
  {
    problem: 'masked-token',
    pattern: new RegExp(
      `\\b(?:took|takes|taking|treat(?:s|ed|ing)?|import(?:s|ed|ing)?|accept(?:s|ed|ing)?|reads?)\\s+(?:the\\s+)?["'\`]?[*•●]{3,}["'\`]?\\s+as\\s+(?:(?:the|a|an|its|their)\\s+)?(?:\\w+\\s+)?${CREDENTIAL_NOUN}`,
      'gi',
    ),
  },
  // A form that shows the key dotted out, and that value used: "dotted out in the edit form … used for the request".
  {
    problem: 'masked-token',
    pattern:
      /\b(?:dotted|starred|blanked)\s+out\b[^.\n]{0,160}?(?:\bus(?:ed|es)\b|\bsen[dt]\b|\brequests?\b|\bfail\w*|\b40[13]\b|\binvalid\b|\bunauthori[sz]ed\b)/gi,
  },
  // The failure first, then the mask seen as its cause: "Authentication failed … I notice API key is "dotted out"".
  {
    problem: 'masked-token',
    pattern:
      /(?:\bfail\w*|\b40[13]\b|\binvalid\b|\bunauthori[sz]ed\b)[^\n]{0,200}?\b(?:key|secret|password|token)s?\s+(?:is|was|are|were|gets?|got|shows?(?:\s+as)?)\s+["'“]?(?:dotted|starred|blanked)\s+out\b/gi,
  },
  // The mask taken for the value: "the importer thinks that `*****` is the actual secret".
  {
    problem: 'masked-token',
    pattern: new RegExp(
      `\\b(?:thinks?|thought|assum(?:es|ed)|believes?|believed)\\s+(?:that\\s+)?["'\`]?[*•●]{3,}["'\`]?\\s+is\\s+(?:the\\s+|a\\s+)?(?:actual|real|valid)\\s+${CREDENTIAL_NOUN}`,
      'gi',
    ),
  },
  // A key field that turns into its mask and is then refused: "reverts back to a smaller number (all stars) … not a valid API key".
  {
    problem: 'masked-token',
    pattern:
      /\b(?:revert(?:s|ed|ing)?|turn(?:s|ed)?|chang(?:es|ed)|becom(?:es|e)|became|goes|went)\s+(?:back\s+)?(?:in)?to\s+[^.\n]{0,40}?\(?(?:all\s+)?(?:stars|asterisks|dots|bullets)\b/gi,
    holdsIn: (text, start, end) => nearCredentialWords(text, start, end) && FAILURE_SIGNAL.test(text),
  },
  // Stored credentials overwritten with a stand-in: "credentials are overwritten with "YOUR_ACCESS_KEY_ID"".
  {
    problem: 'placeholder-token',
    pattern: new RegExp(
      `\\b${CREDENTIAL_NOUN}\\s+(?:are|were|is|was|gets?|got|have\\s+been|has\\s+been)\\s+(?:\\w+\\s+)?(?:overwritten|replaced|reset|set|filled|populated|changed)\\s+(?:with|to|by)\\s+["'\`]?([A-Za-z][\\w.-]{2,60})`,
      'gi',
    ),
    holdsIn: (text, start, end) =>
      FAILURE_SIGNAL.test(text) && isPlaceholderToken(/([A-Za-z][\w.-]{2,60})$/.exec(text.slice(start, end))?.[1] ?? ''),
  },
  // Substitution that did not happen: "Headers and Auth not interpolating collection variables".
  {
    problem: 'placeholder-token',
    pattern:
      /(?:\bnot|n['’]t|\bnever|\bfail(?:s|ed)?\s+to|\bstopped)\s+(?:being\s+)?(?:interpolat|resolv|render|substitut|expand)\w*\s+(?:the\s+|any\s+|its\s+|our\s+|my\s+)?(?:[\w-]+\s+)?(?:variables?|placeholders?|template\s+tags?|expressions?)\b/gi,
    holdsIn: nearCredentialWords,
  },
  // The real value works where the variable did not: "placing the actual value instead of a variable fixed my authentication problems".
  {
    problem: 'placeholder-token',
    pattern:
      /\b(?:actual|real|raw|hard-?coded|literal|plain)\s+(?:api\s*)?(?:values?|tokens?|keys?|secrets?)\s+instead\s+of\s+(?:a|an|the|my|using\s+(?:a|an|the))\s+(?:[\w-]+\s+)?(?:variables?|placeholders?|templates?|env(?:ironment)?\s+var\w*)[^.\n]{0,60}?\b(?:fix\w*|work\w*|solv\w*|resolv\w*)/gi,
    holdsIn: nearCredentialWords,
  },
  // A tag shown in what the tool says it sent: "it's sending: … "Authorization": "Bearer {{token".
  {
    problem: 'placeholder-token',
    pattern:
      /\b(?:it['’]?s|it\s+is|is|was|were|are|been)\s+(?:actually\s+|still\s+|literally\s+)?sen(?:ding|t)\b[\s\S]{0,400}?(?:authorization|token|api[-_]?key|x-[\w-]*(?:key|token))["']?[ \t]*[:=][ \t]*["']?(?:bearer[ \t]+|token[ \t]+)?\{\{/gi,
  },
];

/** Words every statement above holds: the patterns run only in windows around them. */
const ANCHOR =
  /prefix|scheme|bearer|instead\s+of|raw|bare|plain|naked|stripped|masked|redacted|obfuscated|starred|dotted|blanked|stars|asterisks|bullets|[*•●]{3}|overwritten|replaced|reset|populated|interpolat|resolv|render|substitut|expand|sen(?:ding|t)\b/gi;
/** Characters read on each side of an anchor: longer than any statement reaches. */
const REACH = 420;
/** Anchors read per text, so that a page full of them stays cheap. */
const MAX_ANCHORS = 64;

/**
 * An environment variable's name given as a key's value in a printed object or config
 * (`key: 'MAILGUN_API_KEY'`): the name went out where its value belonged. Names that a writer
 * uses to hide their own key (`MY_API_KEY`, `YOUR_TOKEN`) are not such names.
 */
const ENV_NAME_AS_VALUE =
  /(?<![\w-])(?:key|api_?key|apikey|token|access_?token|auth_?token|secret|client_?secret|api_?secret|password)["']?[ \t]*[:=][ \t]*(['"])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_(?:API_KEY|KEY|TOKEN|SECRET|PASSWORD))\1/gi;
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const WRITERS_OWN_NAME = /^(?:YOUR|MY|A|AN|THE|SOME|INSERT|ENTER|PASTE|REPLACE|EXAMPLE|SAMPLE|DUMMY|FAKE|LONG|XXX)_/;
/** A name that only says what kind of secret it is (`API_KEY`, `ACCESS_TOKEN`): a writer's blank, not a variable of some app. */
const GENERIC_NAME = /^(?:API|ACCESS|AUTH|SECRET|PRIVATE|PUBLIC|BEARER|CLIENT|APP|USER|SERVICE)_(?:API_KEY|KEY|TOKEN|SECRET|PASSWORD)$/;

function envNameAsValue(text: string): Finding | null {
  if (!/_(?:KEY|TOKEN|SECRET|PASSWORD)['"]/.test(text)) return null;
  if (!FAILURE_SIGNAL.test(text) || (DOCUMENTATION_SIGNAL.test(text) && !readsAsFirstPersonReport(text))) return null;
  for (const match of text.matchAll(ENV_NAME_AS_VALUE)) {
    const name = match[2] ?? '';
    if (!ENV_NAME.test(name) || WRITERS_OWN_NAME.test(name) || GENERIC_NAME.test(name)) continue;
    const start = match.index;
    const end = start + match[0].length;
    const label = `${match[0].slice(0, match[0].length - name.length - 1)}(an environment variable's name)${match[1]}`;
    return { kind: 'credential', code: null, problem: 'placeholder-token', start, end, excerpt: label };
  }
  return null;
}

function statementIn(text: string, statement: Statement, from: number, to: number): Finding | null {
  const window = text.slice(from, to);
  for (const match of execAll(statement.pattern, window)) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (statement.holdsIn && !statement.holdsIn(text, start, end)) continue;
    if (ruledOut(statement.problem, text, start, end)) continue;
    return { kind: 'credential', code: null, problem: statement.problem, start, end, excerpt: redactedExcerptOf(text, start, end) };
  }
  return null;
}

/** Credential mistakes that their makers or fixers state, at most one per problem. */
export function detectCredentialStatements(text: string): Finding[] {
  if (looksLikeMachineLog(text)) return [];
  const found = new Map<ToldProblem, Finding>();
  const envName = envNameAsValue(text);
  if (envName) found.set('placeholder-token', envName);
  let readTo = 0;
  let count = 0;
  for (const anchor of text.matchAll(ANCHOR)) {
    if (++count > MAX_ANCHORS) break;
    const to = Math.min(text.length, anchor.index + REACH);
    if (to <= readTo) continue;
    // Each stretch of text is read once per statement, however many anchors it holds.
    const from = Math.max(0, anchor.index - REACH, readTo - REACH);
    for (const statement of STATEMENTS) {
      if (found.has(statement.problem)) continue;
      const item = statementIn(text, statement, from, to);
      if (item) found.set(item.problem as ToldProblem, item);
    }
    readTo = to;
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

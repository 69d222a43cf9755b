// Credential mistakes told in sentences rather than shown in a header: "the Bearer prefix was
// missing", "the masked key (****) was saved back and sent", "Incorrect API key provided:
// YOUR_API_KEY", in the languages people write issues in. And the judgement a careful reader
// makes on a header quoted inside a longer text: `Bearer <token>` in documentation, or `****`
// that the writer typed to hide their own key, is not a mistake; the same value in a short paste
// or next to the 401 it caused is.
import type { Finding } from '../types';
import { isPlaceholderToken } from './credential-classify';
import { excerptOf } from './text-excerpt';

type Problem = 'missing-bearer-prefix' | 'masked-token' | 'placeholder-token';

const QUOTE = `["'\`“”‘’]?`;
const BEARER = `${QUOTE}bearer\\s?${QUOTE}`;
const BEARER_NOUN = '(?:prefix|scheme|keyword|key ?word|word|string|text|part|type|token type|header prefix)';

/** Sentences saying the Bearer scheme was missing or had to be added. */
const MISSING_BEARER_SENTENCES = [
  // en: "missing the Bearer prefix", "forgot to add 'Bearer '", "added Bearer prefix"
  `(?:missing|without|lacks?|lacking|omit(?:s|ted)?|forg[eo]t(?:ten|ting)?(?:\\s+to\\s+(?:add|include|prepend|put))?|no|(?:didn['’]?t|did\\s+not|does\\s+not|doesn['’]?t)\\s+(?:add|include|have|use|prepend|contain)|needs?(?:ed)?\\s+(?:to\\s+)?(?:add|include|prepend|have|use|contain)|(?:re)?add(?:s|ed|ing)?|prepend(?:s|ed|ing)?|requires?|required|must\\s+(?:be\\s+prefixed\\s+with|include|contain|start\\s+with|begin\\s+with|have|use)|expects?|expected)\\s+(?:(?:the|a|an)\\s+)?${BEARER}\\s*${BEARER_NOUN}`,
  `(?:missing|without|forg[eo]t(?:ten)?\\s+(?:to\\s+add\\s+)?|add(?:ed|ing)?|prepend(?:ed|ing)?)\\s+(?:(?:the|a)\\s+)?["'\`“‘]bearer\\s?["'\`”’]`,
  `${BEARER}\\s*${BEARER_NOUN}?\\s*(?:is|was|were|got)?\\s*(?:missing|absent|omitted|forgotten|not\\s+(?:added|included|present|there|set|prepended)|required|needed)`,
  `(?:try|use|using|used)\\s+${BEARER}\\s+instead\\s+of`,
  `(?:forg[eo]t(?:ten)?\\s+(?:to\\s+)?(?:add|put|include|prepend|use)|have\\s+to\\s+have|must\\s+have|need(?:ed|s)?\\s+to\\s+(?:add|have|put|include))\\s+(?:(?:the|a)\\s+)?${BEARER}(?!\\s*token)`,
  `(?:requires?|must|needs?|should)\\s+(?:\\S+\\s+){0,5}?(?:contain|include|use|have|start\\s+with|begin\\s+with)\\s+(?:(?:the|a)\\s+)?${BEARER}\\s*(?:scheme|prefix|keyword)`,
  `(?:pass(?:ing|ed)?|send(?:ing)?|sent|us(?:e|ing|ed))\\s+(?:the\\s+|it\\s+|my\\s+)?(?:api[ -]?key|token|key|it)\\s+as\\s+(?:a\\s+)?${BEARER}`,
  // Receivers' own words when the scheme is missing (express-jwt, hapi, Flask-JWT).
  `format\\s+(?:is|must\\s+be|should\\s+be)\\s*:?\\s*(?:authorization\\s*:\\s*)?${BEARER}`,
  // The scheme glued to the token: "BearereyJ…".
  `authorization["']?\\s*:\\s*["']?bearer(?=ey[A-Za-z0-9_-]{8})`,
  `${BEARER}\\s+(?:needs|has)\\s+to\\s+be\\s+(?:added|included|prepended)`,
  // zh, ja, ko
  `(?:没有|沒有|没|未|缺少|缺|忘了|忘记|忘記|需要|要)(?:加|添加|带|帶)?上?\\s*${BEARER}`,
  `(?:加上|添加|加)\\s*${BEARER}`,
  `${BEARER}\\s*(?:前缀|前綴)?\\s*(?:没有|沒有|没加|缺少|漏了)`,
  `${BEARER}.{0,12}(?:を?付け|つけ|忘れ|抜け|が必要)`,
  `${BEARER}.{0,20}(?:추가|빠[져뜨졌]|빼먹|누락|붙여|붙이)`,
  `(?:prefix|접두사|프리픽스).{0,20}(?:빼먹|누락|빠[져뜨졌])`,
  // es, pt, de, fr
  `(?:falta(?:ba)?|sin|agregar|añadir|agregu[ée]|añad[íi]|olvid[ée]\\s+(?:agregar|poner)|faltando|sem|adicionar)\\s+(?:el\\s+|o\\s+)?(?:prefijo\\s+|prefixo\\s+)?${BEARER}`,
  `${BEARER}.{0,20}(?:fehlt|vergessen|hinzugef[üu]gt|erg[äa]nzt)`,
  `(?:ohne|fehlende[sn]?)\\s+(?:das\\s+|den\\s+)?(?:pr[äa]fix\\s+)?${BEARER}`,
  `(?:sans|manque|oubli[ée]?|ajout(?:er|é|ant)?)\\s+(?:le\\s+|du\\s+)?(?:pr[ée]fixe\\s+)?${BEARER}`,
];

/** Words for a credential, in the languages of the sentences below. */
const SECRET_WORD = '(?:password|passwort|mot de passe|contraseña|senha|api[ _-]?key|key|token|secret|credential|密码|密碼|秘钥|密钥|凭据|憑據|パスワード|비밀번호|키)';
/** Words for a masked value. */
const MASK_WORD = '(?:masked|masquée?|maskiert|enmascarad[ao]|asterisks?|sternchen|obfuscated|\\*{3,}|•{3,}|●{3,}|掩码|マスク|마스킹)';
/** Saving or sending it. */
const KEPT_WORD =
  '(?:sav(?:e|ed|es|ing)|stor(?:e|ed|es|ing)|writ(?:e|es|ten|ing)(?:\\s+(?:back|to))?|wrote(?:\\s+back)?|变成|變成|变为|写进|寫進|gesetzt|sent|send(?:s|ing)?|submitt?(?:ed|s|ing)?|appl(?:y|ied|ies)|persist(?:s|ed)?|overwr\\w+|replac(?:e|ed|es|ing)|bec(?:ame|omes)|used\\s+as|as[ -]is|literally|reach(?:es)?\\s+the\\s+wire|gespeichert|gesendet|übernommen|ersetzt|enregistr\\w+|envoy\\w+|guardad[ao]|enviad[ao]|保存|入库|入庫|发给|發給|写回|寫回|提交|送信|저장|전송)';

/** Sentences saying a masked value was saved or sent as the credential. */
const MASKED_SENTENCES = [
  `${SECRET_WORD}[^.!?\\n。]{0,60}?${MASK_WORD}[^.!?\\n。]{0,60}?${KEPT_WORD}`,
  `${SECRET_WORD}[^.!?\\n。]{0,60}?${KEPT_WORD}[^.!?\\n。]{0,40}?${MASK_WORD}`,
  `${MASK_WORD}[^.!?\\n。]{0,40}?${SECRET_WORD}[^.!?\\n。]{0,60}?${KEPT_WORD}`,
  `${KEPT_WORD}[^.!?\\n。]{0,40}?${MASK_WORD}[^.!?\\n。]{0,20}?${SECRET_WORD}`,
  // "the backend receives a password in the format \"******\"", "Postman sends `******` as the body"
  `(?:sends?|sent|sending|saves?|saved|stores?|stored|writes?|written|receives?|received)\\s+(?:(?:the|a|an)\\s+)?(?:(?:password|key|token|secret|value|string)\\s+)?(?:in\\s+the\\s+format\\s+)?["'\`]?[*•●]{3,}`,
];

/** A stand-in left in a value: a template tag, a `#marker`, a shell variable, a YOUR_… constant. */
const STAND_IN = '(?:\\{\\{[^{}\\n]{1,60}\\}\\}|#[A-Za-z]\\w{2,30}|\\$[A-Z_][A-Z0-9_]{2,40}|\\$\\{[^}\\n]{1,40}\\})';
/** Words saying that stand-in went out as it was. */
const SENT_AS_IS =
  '(?:literal(?:ly)?|unresolved|unrendered|not\\s+(?:being\\s+)?(?:replaced|resolved|rendered|substituted|templated|expanded|interpolated)|as\\s+is|no\\s+(?:variable\\s+)?(?:templating|substitution|expansion|interpolation)|string\\s+literal|instead\\s+of\\s+(?:the\\s+)?(?:actual\\s+|real\\s+)?value|(?:single|simple)\\s+quotes)';

/** Sentences saying a placeholder was used as the credential. */
const PLACEHOLDER_SENTENCES = [
  `placeholder\\s+(?:api\\s*keys?|keys?|tokens?|credentials?|secrets?|passwords?|values?)[^.!?\\n]{0,60}?(?:sent|used|passed|won|wins|instead|still|literal|falsely|hardcod\\w+|configured|reported)`,
  `(?:hardcod\\w+|left|still|literal(?:ly)?)\\s+(?:the\\s+)?placeholder\\s+(?:api\\s*keys?|keys?|tokens?|credentials?|values?)`,
  `${STAND_IN}[^\\n]{0,80}?${SENT_AS_IS}`,
  `${SENT_AS_IS}[^\\n]{0,80}?${STAND_IN}`,
  `(?:default|example|template|sample)\\s+(?:api\\s*)?(?:values?|keys?|tokens?|credentials?)[^.!?\\n]{0,40}?(?:picking|picked|used|uses|using|still|contains?|detected|wins?|won)`,
  `(?:have|need|forgot|must)\\s+to\\s+replace\\s+[\`"']?\\S{1,40}?[\`"']?\\s+(?:part\\s+)?with\\s+(?:your|the)\\s+(?:actual|real|own)`,
  // A curl header in single quotes: the shell never expands the variable inside.
  `-H\\s+'(?:authorization|[\\w-]*(?:token|key|auth)[\\w-]*)\\s*:[^'\\n]*\\$[A-Za-z_]\\w*[^'\\n]*'`,
  // An unrendered expression in the header that went out: "Bearer ={{$credentials.token}}".
  `(?:bearer|token|authorization)\\s*[:=]?\\s*["'\`]?\\s*=?\\{\\{\\s*\\$(?:json|credentials|env|node|vars|input)\\b[^}\\n]{0,60}\\}\\}`,
];

/** Something went wrong: without it, a placeholder in a longer text is an example. */
const FAILURE_SIGNAL =
  /\b(?:40[13]|unauthori[sz]ed|forbidden|invalid|incorrect|wrong|denied|rejected|fail(?:s|ed|ing|ure)?|errors?|not\s+work(?:ing)?|doesn['’]?t\s+work|does\s+not\s+work|isn['’]?t\s+working)\b|错误|錯誤|失败|失敗|エラー|에러|오류|fehler|erreur/iu;
/** Documentation telling the reader where their own value goes. */
const DOCUMENTATION_SIGNAL =
  /\b(?:replace|e\.g\.|for example|example|must be accompanied|use the following|should look like|format is|substitute|your own|where\s+\S+\s+is\s+your|documentation|the docs|readme|quickstart|getting started)\b/i;

const compile = (sources: readonly string[]): RegExp => new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'iu');

/** Each problem's sentences, read in a window around an anchor word that all of them hold. */
const SENTENCES: Readonly<Record<Problem, RegExp>> = {
  'missing-bearer-prefix': compile(MISSING_BEARER_SENTENCES),
  'masked-token': compile(MASKED_SENTENCES),
  'placeholder-token': compile(PLACEHOLDER_SENTENCES),
};

/**
 * Every anchor in one pass (one group per kind), so that a long log without such words costs a
 * single scan. No u flag: its case folding makes a scan of a long text several times slower.
 */
const ANCHORS = new RegExp(
  [
    '(bearer|prefix|접두사|프리픽스)',
    `(${MASK_WORD})`,
    "(placeholder|\\{\\{|literal|unresolved|unrendered|not\\s+(?:being\\s+)?(?:replaced|resolved|rendered|substituted|templated|expanded|interpolated)|\\bas\\s+is\\b|substitution|expansion|interpolation|templating|(?:single|simple)\\s+quotes|instead\\s+of\\s+(?:the\\s+)?(?:actual|real)|(?:default|example|template|sample)\\s+(?:api\\s*)?(?:values?|keys?|tokens?|credentials?)|replace\\s|-H\\s+')",
    '(incorrect|invalid|wrong|bad|unknown|unrecognized)',
    '(your|insert|enter|paste|replace|api%20key|sk-)',
  ].join('|'),
  'gi',
);
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
  /(?:incorrect|invalid|wrong|bad|unknown|unrecognized)\s+(?:api\s*key|token|key|credentials?|access\s+token)(?:\s+provided)?\s*[:=]\s*["'`]?(\$\{[^}\s]{1,80}\}|[^\s"'`,;]{1,120})/iy;

/**
 * A stand-in value written where a key goes: `API_KEY=your-api-key-here`, `- "your-api-key-1"`,
 * `appid=API%20KEY%20GOES%20HERE`, `set to "YOUR_API_KEY"`, `your_groq_api_key_here`. Sticky.
 */
const PLACEHOLDER_VALUE =
  /(?:(?:your|insert|enter|paste|replace)[-_ %20a-z]{0,30}(?:key|token|secret)(?:[-_ ]?(?:\d|here))?(?![\w-])|api%20key%20goes%20here|sk-(?:x{4,}|your)[\w*-]*)/iy;
/** Where such a value is given: after `=` or `:`, "set to", a YAML list dash, or alone on its line. */
const ASSIGNED_BEFORE = /(?:[:=]\s*|set\s+to\s+|\n[ \t]*-[ \t]+|\n[ \t]*)["'`]{0,2}$/;

function finding(problem: Problem, text: string, start: number, end: number, excerpt?: string): Finding {
  return { kind: 'credential', code: null, problem, start, end, excerpt: excerpt ?? excerptOf(text, start, end) };
}

/** The sentence of `problem` around an anchor, if there is one. */
function sentenceAround(text: string, problem: Problem, anchorStart: number, anchorEnd: number): Finding | null {
  const from = Math.max(0, anchorStart - SENTENCE_REACH);
  const match = SENTENCES[problem].exec(text.slice(from, Math.min(text.length, anchorEnd + SENTENCE_REACH)));
  return match ? finding(problem, text, from + match.index, from + match.index + match[0].length) : null;
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

/** A stand-in value given as a key, at an anchor, in a text where something failed. */
function placeholderValueAt(text: string, at: number): Finding | null {
  if (/[\w-]/.test(text.charAt(at - 1))) return null;
  PLACEHOLDER_VALUE.lastIndex = at;
  const match = PLACEHOLDER_VALUE.exec(text);
  if (!match || !ASSIGNED_BEFORE.test(text.slice(Math.max(0, at - 24), at))) return null;
  return finding('placeholder-token', text, at, at + match[0].length);
}

/** A log line's start: a date and time, a clock time, or a level in brackets. */
const LOG_LINE_START = /[ \t]*(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d|\[(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE)\]|(?:INFO|WARN|ERROR|DEBUG)\s)/y;
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
    LOG_LINE_START.lastIndex = start;
    if (LOG_LINE_START.test(text)) logLines += 1;
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
      if (!found.has(sentenceProblem)) item = sentenceAround(text, sentenceProblem, start, end);
    } else if (!found.has('placeholder-token')) {
      if (group === 3) item = echoAt(text, start);
      else if ((failed ??= FAILURE_SIGNAL.test(text))) item = placeholderValueAt(text, start);
    }
    if (item) found.set(item.problem as Problem, item);
  }
  return [...found.values()];
}

function echoedProblem(value: string): Problem | null {
  const bare = value.replace(/[.,;:)]+$/, '').replace(/^\$\{|\}$/g, '');
  if (/your|insert|enter|paste|replace|x{4,}|api%20key|here$/i.test(bare) || isPlaceholderToken(bare)) return 'placeholder-token';
  // "${sk-…}" or "<sk-…>": the template's brackets went out with the key.
  if (/^\$\{/.test(value) || /^<.+>$/.test(bare)) return 'placeholder-token';
  // A receiver that masks the key in its own message ("sk-ab12****89") is being careful, and
  // says nothing about what was sent.
  return null;
}

/** More than a pasted header or two: a message, an issue, a page of docs. */
function isLongText(text: string): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= 2; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines > 2 || text.length > 240;
}

/**
 * Which header findings in free text are the writer's mistakes. In a short paste all are. In a
 * longer text, `###` always is (the copy artefact of a duplicated webhook), other masks are the
 * writer hiding their own key, and a placeholder is an example unless something failed and the
 * text is not documentation. The text is judged once, however many findings it holds.
 */
export function mistakesInText(findings: readonly Finding[], text: string): Finding[] {
  if (findings.length === 0 || !isLongText(text)) return [...findings];
  let placeholdersCount: boolean | undefined;
  return findings.filter((finding) => {
    if (finding.problem === 'masked-token') return finding.excerpt.includes('#');
    if (finding.problem !== 'placeholder-token') return true;
    placeholdersCount ??= FAILURE_SIGNAL.test(text) && !DOCUMENTATION_SIGNAL.test(text);
    return placeholdersCount;
  });
}

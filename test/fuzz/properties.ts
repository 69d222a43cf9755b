// The fuzz properties, shared by the unit tests (a few hundred cases each, `npm test`) and
// `npm run fuzz` (scripts/fuzz.ts: up to a million cases each). Every detector: never throws, never
// reports a code or problem outside its rules, never shows a secret, and stays linear (a megabyte of
// adversarial text finishes within the test's timeout). The row scanner: generated pages and edits.
import fc from 'fast-check';
import { detectAll } from '../../src/engine/detect';
import { findAll } from '../../src/engine/find';
import { checkCredentialValue, detectCredentialProblems, redactSecret } from '../../src/engine/detect/credential/credential';
import { checkJsonBody } from '../../src/engine/detect/json/json-body';
import { detectNetworkErrors } from '../../src/engine/detect/network/network';
import { detectRateLimitHeaders, parseRateLimit } from '../../src/engine/detect/rate-limit/rate-limit';
import { detectStatusCodes } from '../../src/engine/detect/status/status';
import { redactSecretsInText, startsWithWrappedTokenLine } from '../../src/engine/redact';
import { MAY_HOLD_SECRET } from '../../src/engine/secret-hints';
import type { Finding } from '../../src/engine/types';
import {
  checkAll,
  checkAnyFinding,
  checkCredentialFinding,
  checkJsonFinding,
  checkNetworkFinding,
  checkRateLimitFinding,
  checkStatusFinding,
} from './rules';
import {
  editSpecs,
  flatEditSpecs,
  flatTableSpec,
  pageSpec,
  scanGeneratedPage,
  scanRepeatedPage,
  type EditSpec,
  type NodeSpec,
} from './scanner-property';
import { previewSecret } from '../../src/engine/detect/credential/credential-preview';
import { isNonSecretToken } from '../../src/engine/detect/credential/credential-classify';
import {
  adversarialPattern,
  anyLengthSecret,
  anyText,
  KEYED_SECRET_PREFIXES,
  leakedPieces,
  logText,
  repeatTo,
  SECRET_ENDINGS,
  secretContext,
  secretToken,
  trigger,
} from './vocabulary';

interface PropertySpec<Ts> {
  name: string;
  /** Cases per run of `npm test`. */
  testRuns: number;
  /** Cases per run of `npm run fuzz`. */
  fuzzRuns: number;
  build(): fc.IRawProperty<Ts>;
  /** Inputs always tried first: counterexamples found before, kept as regressions. */
  examples?: Ts[];
}

export interface FuzzOutcome {
  runs: number;
  failed: boolean;
  /** fast-check's report (counterexample, seed, error) when it failed. */
  report: string;
}

export interface FuzzProperty {
  name: string;
  testRuns: number;
  fuzzRuns: number;
  /** Throws fast-check's report on the first counterexample (unit tests). */
  assert(numRuns: number): Promise<void>;
  /** Runs and reports without throwing (`npm run fuzz`). */
  check(numRuns: number): Promise<FuzzOutcome>;
}

/** The error first, then where to replay it, then the (shortened) counterexample. */
function failureReport<Ts>(details: fc.RunDetails<Ts>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const input = fc.stringify(details.counterexample);
  return [
    `Error: ${error.slice(0, 1500)}`,
    `Replay: { seed: ${details.seed}, path: "${details.counterexamplePath ?? ''}" } after ${details.numRuns} cases, shrunk ${details.numShrinks} times`,
    `Counterexample: ${input.length > 3000 ? `${input.slice(0, 3000)}…` : input}`,
  ].join('\n');
}

function define<Ts>(spec: PropertySpec<Ts>): FuzzProperty {
  return {
    name: spec.name,
    testRuns: spec.testRuns,
    fuzzRuns: spec.fuzzRuns,
    assert: async (numRuns) => {
      await fc.assert(spec.build(), { numRuns, examples: spec.examples ?? [] });
    },
    check: async (numRuns) => {
      const details = await fc.check(spec.build(), { numRuns, examples: spec.examples ?? [] });
      return { runs: details.numRuns, failed: details.failed, report: details.failed ? failureReport(details) : '' };
    },
  };
}

const MILLION = 1_000_000;
/** The size of the adversarial inputs of the linear-time property. */
export const BIG_INPUT = 1024 * 1024;

const HEADER_NAMES = fc.constantFrom('Authorization', 'authorization', 'Proxy-Authorization', 'X-Api-Key', 'api_key', 'token', '');
const REQUIRED_FIELDS = fc.subarray(['address_1', 'city', 'state', 'postal_code', 'email']);
const NOW = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

/** JSON bodies: valid JSON, JSON with random pieces spliced in, and JSON-looking noise. */
const jsonBody = fc.oneof(
  fc.json(),
  fc
    .tuple(fc.json(), fc.nat(), logText)
    .map(([json, at, noise]) => json.slice(0, at % (json.length + 1)) + noise + json.slice(at % (json.length + 1))),
  fc
    .array(fc.oneof(trigger, fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '{{ person.city }}', '{% if x %}', '{% endif %}', '\n')), {
      maxLength: 60,
    })
    .map((p) => p.join('')),
  anyText,
);

/** Rate-limit header sets as a dashboard shows them, in any case and order. */
const rateLimitHeaders = fc.dictionary(
  fc.constantFrom(
    'Retry-After',
    'retry-after',
    'X-RateLimit-Limit',
    'X-RateLimit-Remaining',
    'X-RateLimit-Reset',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'RateLimit',
    'x-rate-limit-reset',
    'X-Other',
  ),
  fc.oneof(
    fc.integer({ min: -5, max: 2_000_000_000 }).map(String),
    fc.constantFrom('Wed, 21 Oct 2015 07:28:00 GMT', 'soon', '', '1e309', 'NaN', 'limit=100, remaining=0, reset=5'),
    fc.string({ maxLength: 20 }),
  ),
);

function expectNoLeak(token: string, output: string, where: string): void {
  const leaks = leakedPieces(token, output);
  if (leaks.length > 0) throw new Error(`${where} shows ${JSON.stringify(leaks[0])} of the token: ${output.slice(0, 300)}`);
}

function visible(findings: readonly Finding[]): string {
  return JSON.stringify(findings);
}

const cell = (...children: NodeSpec[]): NodeSpec => ({ tag: 'td', attribute: '', children, shadow: null });
const block = (tag: string, ...children: NodeSpec[]): NodeSpec => ({ tag, attribute: '', children, shadow: null });

/**
 * Found by `npm run fuzz`: a row whose text changes by an added text node that names no error
 * ("Proxy-Authorization:" + "!") keeps the badge of its old text.
 */
const STALE_BADGE_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [block('table', block('tr', cell({ text: 'Proxy-Authorization:' })), block('tr', cell()))],
  [{ op: 'append', target: 2, node: { text: '!' } }],
];

/**
 * Found by `npm run fuzz` (session 7): a "status" caption and its bare code in one cell read as
 * "HTTP 529" until our badge went into the cell; the caption-and-value pair counted the badge as a
 * third child, so the row read differently after we badged it than when we judged it.
 */
const CAPTION_PAIR_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    block(
      'table',
      block('tr', block('td', block('span', { text: 'status: 100' }), block('span', { text: '529' })), block('td')),
      block('tr', block('td')),
    ),
  ],
  [],
];

/** An element whose shadow root holds these nodes. */
const host = (...shadow: NodeSpec[]): NodeSpec => ({ tag: 'div', attribute: '', children: [], shadow });

/**
 * Found by `npm run fuzz` (session 7): a row inside a component and the row holding the
 * component both badged; emptying the inner row rechecked only the nearest annotated row, and the
 * outer one (which reads the component's text) kept its badge.
 */
const ROW_AROUND_COMPONENT_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    host(
      block(
        'div',
        host(block('div', { text: 'Authorization: Bearer ###' }, block('div', { text: 'Bearer HTTP' })), {
          tag: 'div',
          attribute: 'class=cell',
          children: [block('div')],
          shadow: null,
        }),
      ),
    ),
  ],
  [{ op: 'replace', target: 3, nodes: [] }],
];

/**
 * Found by the clean-clone CI (session 14, seed 270590531): a `<pre>` holding a row of network
 * words and an empty element whose shadow root shows a credential header; the network row got no
 * badge.
 */
const PRE_WITH_SHADOW_ROW_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    {
      tag: 'pre',
      attribute: '',
      children: [
        { tag: 'div', attribute: '', children: [{ text: 'dial tcp 10.0.0.1:443: connect: connection refused' }], shadow: null },
        { tag: 'div', attribute: '', children: [], shadow: [{ text: 'Authorization: Bearer ###' }] },
      ],
      shadow: null,
    },
  ],
  [],
];

/**
 * Found by the CI on record (session 16, seed 745662077): a `<pre>` line of text, an empty `<b>`
 * and a `<textarea>` (with a shadow root). The textarea was taken for the line's last field and
 * so for its row, which can hold no badge: the line went unbadged.
 */
const PRE_LINE_ENDING_IN_FIELD_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    {
      tag: 'div',
      attribute: '',
      children: [],
      shadow: [
        {
          tag: 'pre',
          attribute: '',
          children: [
            { text: 'HTTP 500 Internal Server Error' },
            { tag: 'b', attribute: '', children: [], shadow: null },
            { tag: 'textarea', attribute: '', children: [], shadow: [] },
          ],
          shadow: null,
        },
      ],
    },
  ],
  [],
];

/**
 * Found by `npm run fuzz` (session 17, seeds 240776433 and -993920892): a `<pre>` line whose last
 * element is a shadow host drawing no light DOM (an empty root). It was taken for the line's
 * last field and so for its row; a badge inside it is never shown, so the line went unbadged.
 */
const PRE_LINE_ENDING_IN_HOST_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    {
      tag: 'pre',
      attribute: '',
      children: [
        { tag: 'code', attribute: '', children: [], shadow: null },
        { tag: 'code', attribute: '', children: [], shadow: [] },
        { text: 'error code 403' },
      ],
      shadow: null,
    },
    { text: 'HTTP 500 Internal Server Error' },
  ],
  [],
];

const PRE_LINE_HOST_EDITED_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    {
      tag: 'div',
      attribute: '',
      children: [],
      shadow: [
        {
          tag: 'pre',
          attribute: '',
          children: [
            { tag: 'b', attribute: '', children: [], shadow: null },
            { tag: 'b', attribute: '', children: [], shadow: [] },
          ],
          shadow: null,
        },
      ],
    },
  ],
  [
    { op: 'replace', target: 0, nodes: [{ tag: 'div', attribute: '', children: [], shadow: [] }] },
    { op: 'replace', target: 288133203, nodes: [{ text: 'HTTP 500 Internal Server Error' }] },
  ],
];

/**
 * Found by `npm run fuzz` (session 9, seed 1723731713): the badge of a row of divs ("502") sat in
 * the first row of its container, which then read as a header row of one cell, the badge; under
 * it the next row's "400" was taken for a number of another column and left out of the row's text,
 * so the row's badge (400) no longer matched the row (500). Our elements are no header cells now.
 */
const BADGE_AS_HEADER_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    {
      tag: 'div',
      attribute: '',
      children: [
        block('div', { text: '502' }, { text: '' }),
        block(
          'div',
          { tag: 'div', attribute: '', children: [{ text: '400' }, { text: '' }], shadow: [{ text: '' }] },
          { text: 'HTTP 500 Internal Server Error' },
        ),
      ],
      shadow: [{ text: '' }, { text: '' }],
    },
  ],
  [
    { op: 'append', target: 0, node: { text: '' } },
    { op: 'text', target: 644621167, text: 'HTTP javascript:alert(1)' },
  ],
];

/**
 * Found by `npm run fuzz`: a failing row inside a failing row made the scanner take the badge from
 * one to the other forever (fixed in src/content since; kept as a regression).
 */
const NESTED_ROWS_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [block('div', block('div', { text: 'HTTP 500 Internal Server Error' }), { text: '403' })],
  [],
];

/**
 * Found by CI (session 7): a status drawn in a component inside a component, its text then
 * emptied. The change is inside two shadow roots, the badge on the row that holds the outer host:
 * the recheck must climb out of the roots to find it.
 */
const NESTED_COMPONENT_EDIT_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [
    {
      tag: 'div',
      attribute: '',
      children: [
        {
          tag: 'div',
          attribute: '',
          children: [],
          shadow: [
            {
              tag: 'div',
              attribute: '',
              children: [],
              shadow: [{ tag: 'div', attribute: '', children: [{ text: '' }], shadow: null }, { text: 'HTTP 500 Internal Server Error' }],
            },
            { text: '' },
          ],
        },
      ],
      shadow: null,
    },
    { tag: 'div', attribute: '', children: [{ text: '' }], shadow: [{ text: '' }] },
  ],
  [{ op: 'text', target: 617921754, text: '' }],
];

/**
 * Found by `npm run fuzz` (issue 9): two failing inner rows and failing text between them,
 * appended after the scan started; only the last inner row kept its badge.
 */
const NESTED_ROWS_APPENDED_EXAMPLE: [NodeSpec[], EditSpec[]] = [
  [{ text: 'ok' }],
  [
    {
      op: 'append',
      target: 0,
      node: block(
        'div',
        block('div', { text: 'HTTP 500 Internal Server Error' }),
        { text: 'HTTP 500 Internal Server Error' },
        block('div', { text: 'connection reset by peer' }),
      ),
    },
  ],
];

export const PROPERTIES: FuzzProperty[] = [
  define({
    name: 'status: only failing codes found in context, offsets inside the text',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () => fc.property(anyText, (text) => checkAll(text, detectStatusCodes(text), checkStatusFinding)),
  }),
  define({
    name: 'network: only known network problems, offsets inside the text',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () => fc.property(anyText, (text) => checkAll(text, detectNetworkErrors(text), checkNetworkFinding)),
  }),
  define({
    name: 'credential (log text): only known credential problems',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () => fc.property(anyText, (text) => checkAll(text, detectCredentialProblems(text), checkCredentialFinding)),
  }),
  define({
    name: 'credential (editor field): only known credential problems, any header name',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(anyText, HEADER_NAMES, (value, header) => {
        checkAll(value, checkCredentialValue(value, header), checkCredentialFinding);
        if (typeof redactSecret(value) !== 'string') throw new Error('redactSecret returns text');
      }),
  }),
  define({
    name: 'json: only known body problems, 1-based positions, offsets inside the body',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(jsonBody, REQUIRED_FIELDS, (body, required) => checkAll(body, checkJsonBody(body, required), checkJsonFinding)),
  }),
  define({
    name: 'rate-limit: at most one finding, 429 or none, whole non-negative waits',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(anyText, NOW, (text, now) => {
        const findings = detectRateLimitHeaders(text, now);
        if (findings.length > 1) throw new Error(`${findings.length} rate-limit findings`);
        checkAll(text, findings, checkRateLimitFinding);
      }),
  }),
  define({
    name: 'rate-limit headers: waits are whole seconds or null, advice is text',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(rateLimitHeaders, NOW, (headers, now) => {
        const info = parseRateLimit(headers, now);
        if (info === null) return;
        const wait = info.retryAfterSeconds;
        if (wait !== null && !(Number.isInteger(wait) && wait >= 0)) throw new Error(`wait ${wait}`);
        if (typeof info.advice !== 'string') throw new Error('advice is not text');
      }),
  }),
  define({
    name: 'detectAll and findAll: every finding follows its kind, sorted by position',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(anyText, (text) => {
        for (const findings of [detectAll(text), findAll(text)]) {
          checkAll(text, findings, checkAnyFinding);
          for (let i = 1; i < findings.length; i++) {
            if (findings[i]!.start < findings[i - 1]!.start) throw new Error('findings are not sorted by start');
          }
        }
      }),
  }),
  define({
    name: 'redact: never throws, keeps text without secrets as it is',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(anyText, (text) => {
        const out = redactSecretsInText(text);
        if (typeof out !== 'string') throw new Error('redaction returns text');
        if (!MAY_HOLD_SECRET.test(text) && out !== text)
          throw new Error(`changed text without secrets: ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
      }),
  }),
  define({
    name: 'secrets: a token in a header, JSON, URL or form never reaches findings or redacted text',
    testRuns: 500,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(secretToken, secretContext, logText, logText, (token, context, before, after) => {
        const line = context.replace('%s', token);
        const text = `${before}\n${line}\n${after}`;
        expectNoLeak(token, redactSecretsInText(text), 'redactSecretsInText');
        expectNoLeak(token, redactSecretsInText(line), 'redactSecretsInText (line)');
        expectNoLeak(token, visible(detectAll(text)), 'detectAll');
        expectNoLeak(token, visible(findAll(text)), 'findAll');
        expectNoLeak(token, visible(detectCredentialProblems(line)), 'detectCredentialProblems');
        for (const value of [
          token,
          `Bearer ${token}`,
          `Basic ${token}`,
          `"Bearer ${token}"`,
          `Bearer  ${token} `,
          `Bearer Bearer ${token}`,
        ]) {
          expectNoLeak(
            token,
            visible(checkCredentialValue(value, 'Authorization')),
            `checkCredentialValue(${JSON.stringify(value.replace(token, '<token>'))})`,
          );
          expectNoLeak(token, redactSecret(value), 'redactSecret');
        }
        expectNoLeak(token, visible(checkJsonBody(`{"token": "${token}", }`)), 'checkJsonBody');
        expectNoLeak(token, visible(checkJsonBody(`{"token": ${token}}`)), 'checkJsonBody (bare)');
      }),
  }),
  define({
    name: 'redact: a secret of 4 to 64 characters after a key is hidden (no preview under 16) and the text after it survives',
    testRuns: 1000,
    fuzzRuns: MILLION,
    build: () =>
      fc.property(
        anyLengthSecret.filter((secret) => !isNonSecretToken(secret)),
        fc.constantFrom(...KEYED_SECRET_PREFIXES),
        fc.constantFrom(...SECRET_ENDINGS),
        anyText.filter((text) => !MAY_HOLD_SECRET.test(text)),
        anyText.filter((text) => !MAY_HOLD_SECRET.test(text)),
        (secret, prefix, ending, before, after) => {
          // A line of letters and digits right after a header's token is read as the rest of a
          // token a log wrapped (redact.ts): such an `after` is ambiguous by design.
          fc.pre(!startsWithWrappedTokenLine(`${ending}${after}`));
          // A token holding `=` and then `, name=…` reads as a list of auth parameters (`Digest
          // a=1, b=2`), which is hidden whole: ambiguous by design too (found at seed 1714438225).
          fc.pre(!(secret.includes('=') && /^,[ \t]*[^\s,=]+=/.test(`${ending}${after}`)));
          const out = redactSecretsInText(`${before}\n${prefix}${secret}${ending}${after}`);
          // Exactly the preview in the secret's place: so the secret never shows, and the text
          // before and after it (an arrow and the status, say) comes through untouched.
          const expected = `${before}\n${prefix}${previewSecret(secret)}${ending}${after}`;
          if (out !== expected) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(out)}`);
          if (secret.length < 16) {
            const line = out.slice(before.length + 1 + prefix.length, out.length - after.length);
            const shown = leakedPieces(secret, line, 4);
            if (shown.length > 0) throw new Error(`a secret of ${secret.length} characters shows ${JSON.stringify(shown[0])}`);
          } else if (!/^.{4}….{2}$/u.test(previewSecret(secret))) {
            throw new Error(`preview of ${secret.length} characters: ${previewSecret(secret)}`);
          }
        },
      ),
  }),
  define({
    name: `linear time: ${BIG_INPUT / 1024} KB of a repeated adversarial pattern finishes in every detector`,
    testRuns: 3,
    fuzzRuns: 200,
    build: () =>
      fc.property(adversarialPattern, (pattern) => {
        const text = repeatTo(pattern, BIG_INPUT);
        checkAll(text, detectAll(text), checkAnyFinding);
        checkAll(text, findAll(text), checkAnyFinding);
        checkAll(text, checkJsonBody(text, ['city']), checkJsonFinding);
        checkAll(text, checkCredentialValue(text), checkCredentialFinding);
        redactSecretsInText(text);
      }),
  }),
  define({
    name: 'scanner: flat log tables and cell edits get exactly the badges their rows call for',
    testRuns: 200,
    fuzzRuns: 20_000,
    build: () => fc.asyncProperty(flatTableSpec, flatEditSpecs, (nodes, edits) => scanGeneratedPage(nodes, edits)),
    examples: [STALE_BADGE_EXAMPLE, CAPTION_PAIR_EXAMPLE],
  }),
  define({
    name: 'scanner: any generated page (nested rows, shadow roots, editors) and edits settle with the right badges',
    testRuns: 150,
    fuzzRuns: 10_000,
    build: () => fc.asyncProperty(pageSpec, editSpecs, (nodes, edits) => scanGeneratedPage(nodes, edits)),
    examples: [
      NESTED_ROWS_EXAMPLE,
      NESTED_COMPONENT_EDIT_EXAMPLE,
      ROW_AROUND_COMPONENT_EXAMPLE,
      BADGE_AS_HEADER_EXAMPLE,
      PRE_WITH_SHADOW_ROW_EXAMPLE,
      PRE_LINE_ENDING_IN_FIELD_EXAMPLE,
      PRE_LINE_ENDING_IN_HOST_EXAMPLE,
      PRE_LINE_HOST_EDITED_EXAMPLE,
    ],
  }),
  define({
    name: 'scanner: the same on a slow machine (every deadline check finds the time up)',
    testRuns: 50,
    fuzzRuns: 5_000,
    build: () => fc.asyncProperty(pageSpec, editSpecs, (nodes, edits) => scanGeneratedPage(nodes, edits, true)),
    examples: [
      NESTED_ROWS_EXAMPLE,
      NESTED_ROWS_APPENDED_EXAMPLE,
      PRE_LINE_ENDING_IN_FIELD_EXAMPLE,
      PRE_LINE_ENDING_IN_HOST_EXAMPLE,
      PRE_LINE_HOST_EDITED_EXAMPLE,
    ],
  }),
  define({
    name: 'scanner: a 5,000-row generated table is scanned completely',
    testRuns: 2,
    fuzzRuns: 20,
    build: () =>
      fc.asyncProperty(fc.array(fc.oneof(logText, spacedLogText()), { minLength: 1, maxLength: 4 }), (cells) =>
        scanRepeatedPage(cells, 5000),
      ),
  }),
];

function spacedLogText(): fc.Arbitrary<string> {
  return fc.array(trigger, { maxLength: 12 }).map((words) => words.join(' '));
}

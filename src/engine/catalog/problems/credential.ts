// Credential mistakes found in an Authorization header before (or after) the webhook is sent.
// The receiver usually answers them with 401 or 403.
import type { AdviceStep, ProblemData } from '../types';
import { PASTE_TOKEN_AGAIN_STEP, SEND_TEST_STEP } from '../common-steps';
import { POPLAR_STATUS_ERRORS, rfc9110Status } from '../sources';
import { ITERABLE_WEBHOOKS } from '../../../providers/iterable/sources';

const AUTH_SOURCES = [rfc9110Status(401), 'https://www.rfc-editor.org/rfc/rfc9110#field.authorization'];

const BEARER_FORMAT_STEP: AdviceStep = {
  id: 'bearer-format',
  text: 'Make the value read: Bearer, one space, then the token, with nothing before or after it (unless the receiver documents another scheme).',
};

export const CREDENTIAL_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'masked-token',
    kind: 'credential',
    title: 'Masked token instead of the real one',
    short: 'masked token',
    meaning:
      'The Authorization value holds mask characters (such as ### or ***) instead of the token. Klaviyo does this when a webhook is duplicated: the copy keeps the header but swaps the secret for ###, so the receiver answers 403.',
    side: 'request',
    steps: [
      {
        id: 'credential:masked-token/open-receiver-dashboard-api',
        text: "Open the receiver's dashboard (its API or integrations settings) and copy the token again; do not copy it from another webhook.",
      },
      {
        id: 'credential:masked-token/webhook-headers-delete-whole',
        text: "In the webhook's headers, delete the whole Authorization value and paste the scheme and the token back (for example Bearer, a space, then the token).",
      },
      { id: 'credential:masked-token/do-same-webhook-duplicated', text: 'Do the same in every webhook that was duplicated from this one.' },
      SEND_TEST_STEP,
    ],
    sources: [POPLAR_STATUS_ERRORS, ...AUTH_SOURCES],
    likelyStatus: 403,
  },
  {
    id: 'placeholder-token',
    kind: 'credential',
    title: 'Placeholder instead of a token',
    short: 'placeholder token',
    meaning:
      'The header still holds sample text such as YOUR_API_KEY, <token> or an unfilled template tag, so the receiver gets no real credential.',
    side: 'request',
    steps: [
      {
        id: 'credential:placeholder-token/replace-placeholder-real-token',
        text: "Replace the placeholder with the real token copied from the receiver's dashboard.",
      },
      {
        id: 'credential:placeholder-token/token-meant-come-template',
        text: 'If the token is meant to come from a template tag, preview the webhook and check that the tag renders a value.',
      },
      BEARER_FORMAT_STEP,
      SEND_TEST_STEP,
    ],
    sources: AUTH_SOURCES,
    likelyStatus: 401,
  },
  {
    id: 'missing-bearer-prefix',
    kind: 'credential',
    title: 'Missing "Bearer " before the token',
    short: 'Bearer prefix missing',
    meaning:
      'The Authorization header does not start with the word Bearer and one space: the token stands alone, or Bearer is glued to it ("Bearer:abc", "Bearer{abc}") or misspelt. Most APIs (Poplar among them) expect the word Bearer, one space, then the token.',
    side: 'request',
    steps: [
      {
        id: 'credential:missing-bearer-prefix/edit-authorization-value-reads',
        text: 'Edit the Authorization value so it reads Bearer, a space, then the token.',
      },
      {
        id: 'credential:missing-bearer-prefix/check-header-name-authorization',
        text: 'Check that the header name is Authorization and that the token was not typed into the name field.',
      },
      {
        id: 'credential:missing-bearer-prefix/keep-exactly-space-between',
        text: 'Keep exactly one space between Bearer and the token, and nothing after the token.',
      },
      SEND_TEST_STEP,
    ],
    sources: [POPLAR_STATUS_ERRORS, ...AUTH_SOURCES],
    likelyStatus: 403,
  },
  {
    id: 'malformed-scheme',
    kind: 'credential',
    title: 'Authorization scheme misspelt',
    short: 'scheme misspelt',
    meaning:
      'The word before the credential is not in the form the receiver expects: a scheme such as "Basic" or "Token" glued to it with a colon, an equals sign or no space.',
    side: 'request',
    steps: [
      {
        id: 'credential:malformed-scheme/rewrite-start-value-exactly',
        text: 'Rewrite the start of the value exactly as the receiver documents it, usually Bearer followed by one space.',
      },
      {
        id: 'credential:malformed-scheme/remove-colons-dashes-equals',
        text: 'Remove colons, dashes or equals signs between the scheme and the token.',
      },
      SEND_TEST_STEP,
    ],
    sources: AUTH_SOURCES,
    likelyStatus: 401,
  },
  {
    id: 'doubled-scheme',
    kind: 'credential',
    title: 'Scheme written twice',
    short: 'Bearer written twice',
    meaning:
      'The value reads "Bearer Bearer …": the token was pasted together with its scheme after a scheme that was already there, or the ESP adds the scheme itself.',
    side: 'request',
    steps: [
      {
        id: 'credential:doubled-scheme/edit-value-scheme-appears',
        text: 'Edit the value so the scheme appears once: Bearer, a space, then the token.',
      },
      {
        id: 'credential:doubled-scheme/esp-builds-header-auth',
        text: 'If your ESP builds the header from an auth type and a token (Iterable sends Authorization: <authType> <authToken>), put the scheme in the type and only the token in the token field.',
      },
      SEND_TEST_STEP,
    ],
    sources: [ITERABLE_WEBHOOKS, ...AUTH_SOURCES],
    likelyStatus: 401,
  },
  {
    id: 'quoted-value',
    kind: 'credential',
    title: 'Header value wrapped in quotes',
    short: 'quoted header value',
    meaning:
      'The header value is wrapped in quotation marks. Header values are sent exactly as typed, so the receiver reads the quotes as part of the token.',
    side: 'request',
    steps: [
      {
        id: 'credential:quoted-value/remove-quotation-marks-both',
        text: 'Remove the quotation marks at both ends of the value, straight or curly.',
      },
      {
        id: 'credential:quoted-value/check-quote-sits-inside',
        text: 'Check that no quote sits inside the value, between the scheme and the token.',
      },
      SEND_TEST_STEP,
    ],
    sources: AUTH_SOURCES,
    likelyStatus: 401,
  },
  {
    id: 'whitespace-in-token',
    kind: 'credential',
    title: 'Spaces or line breaks in the token',
    short: 'space in token',
    meaning:
      'The token contains spaces, tabs or line breaks, usually picked up while copying it across lines or from a document, so the receiver compares a different string.',
    side: 'request',
    steps: [
      {
        id: 'credential:whitespace-in-token/delete-value-paste-token',
        text: 'Delete the value and paste the token again from its source, in one piece.',
      },
      {
        id: 'credential:whitespace-in-token/check-nothing-before-scheme',
        text: 'Check there is nothing before the scheme and nothing after the token: trailing spaces count.',
      },
      {
        id: 'credential:whitespace-in-token/you-copied-token-mail',
        text: "If you copied the token from an e-mail or a document, copy it from the receiver's dashboard instead; documents can add hidden characters.",
      },
      SEND_TEST_STEP,
    ],
    sources: AUTH_SOURCES,
    likelyStatus: 401,
  },
  {
    id: 'malformed-basic',
    kind: 'credential',
    title: 'Basic credentials not encoded',
    short: 'Basic auth malformed',
    meaning:
      'A Basic Authorization value must be "Basic " followed by the Base64 encoding of username:password. This one is not valid Base64, or lacks the colon between the two parts.',
    side: 'request',
    steps: [
      {
        id: 'credential:malformed-basic/check-scheme-receiver-asks',
        text: 'Check which scheme the receiver asks for: Basic (a username and password) or Bearer (a token).',
      },
      {
        id: 'credential:malformed-basic/basic-use-esp-username',
        text: "For Basic, use the ESP's username/password option if it has one; otherwise encode username:password, colon included, in Base64 and put it after Basic and a space.",
      },
      { id: 'credential:malformed-basic/do-put-plain-username', text: 'Do not put the plain username:password after Basic.' },
      SEND_TEST_STEP,
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc7617', ...AUTH_SOURCES],
    likelyStatus: 401,
  },
  {
    id: 'empty-token',
    kind: 'credential',
    title: 'Token missing',
    short: 'empty token',
    meaning:
      'The header names a scheme (such as "Bearer ") but no token follows, or the value is empty, often because the template tag meant to fill it rendered blank.',
    side: 'request',
    steps: [
      PASTE_TOKEN_AGAIN_STEP,
      {
        id: 'credential:empty-token/token-comes-template-tag',
        text: 'If the token comes from a template tag, preview the webhook for a real profile and check that the tag renders a value.',
      },
      BEARER_FORMAT_STEP,
      SEND_TEST_STEP,
    ],
    sources: AUTH_SOURCES,
    likelyStatus: 401,
  },
];

// Problems that only exist for one receiving API (they are still credential or body problems).
import type { ProblemData } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { POPLAR_STATUS_ERRORS, rfc9110Status } from '../sources';

export const ENDPOINT_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'test-token-wrong-endpoint',
    kind: 'credential',
    title: 'Test token on an endpoint that needs the production token',
    short: 'test token not accepted',
    meaning:
      'Poplar accepts its test token only on the Mailing API (/v1/mailing). Every other Poplar endpoint (Audiences, Orders, Do Not Mail, ...) refuses it with 403.',
    side: 'request',
    steps: [
      { id: 'credential:test-token-wrong-endpoint/poplar-api-settings-copy', text: "In Poplar's API settings, copy the production token." },
      {
        id: 'credential:test-token-wrong-endpoint/paste-authorization-header-after',
        text: 'Paste it into the Authorization header after Bearer and a space, replacing the test token.',
      },
      {
        id: 'credential:test-token-wrong-endpoint/keep-test-token-webhooks',
        text: 'Keep the test token only for webhooks that call the Mailing API.',
      },
      SEND_TEST_STEP,
    ],
    sources: [POPLAR_STATUS_ERRORS],
    likelyStatus: 403,
  },
];

/** Request mistakes that depend on which receiver the URL names; its layer adds the specifics. */
export const RECEIVER_REQUEST_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'wrong-auth-header',
    kind: 'credential',
    title: 'Token in a header this receiver does not read',
    short: 'wrong auth header',
    meaning: 'The receiver reads its credential from another header, so it sees no credential at all and refuses the call.',
    side: 'request',
    steps: [
      {
        id: 'credential:wrong-auth-header/rename-header-receiver-documents',
        text: "Rename the header to the one the receiver documents, and give it the value in the receiver's format.",
      },
      { id: 'credential:wrong-auth-header/remove-header-receiver-does', text: 'Remove the header the receiver does not read.' },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(401)],
    likelyStatus: 401,
  },
  {
    id: 'wrong-auth-scheme',
    kind: 'credential',
    title: 'Authorization scheme this receiver does not take',
    short: 'wrong auth scheme',
    meaning: 'The header names a scheme (such as Bearer) while the receiver expects another one (such as Basic) or the bare token.',
    side: 'request',
    steps: [
      {
        id: 'credential:wrong-auth-scheme/write-credential-way-receiver',
        text: 'Write the credential the way the receiver documents it: its scheme, one space, then the credentials (or the bare token when it takes no scheme).',
      },
      {
        id: 'credential:wrong-auth-scheme/basic-encode-user-password',
        text: 'For Basic, encode user:password as base64 after Basic and a space; for Bearer, paste the token after Bearer and a space.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(401), 'https://www.rfc-editor.org/rfc/rfc9110#field.authorization'],
    likelyStatus: 401,
  },
  {
    id: 'basic-wrong-user',
    kind: 'credential',
    title: 'Basic credentials with the wrong kind of user name',
    short: 'wrong Basic user',
    meaning: 'The Basic credentials decode to user:password, but the user part is not the kind of ID this receiver expects.',
    side: 'request',
    steps: [
      {
        id: 'credential:basic-wrong-user/look-up-id-receiver',
        text: 'Look up which ID the receiver wants as the user name (an account ID, an API key ID, or the key itself).',
      },
      {
        id: 'credential:basic-wrong-user/build-value-again-base64',
        text: 'Build the value again: base64 of user:password, after Basic and a space.',
      },
      SEND_TEST_STEP,
    ],
    sources: ['https://www.rfc-editor.org/rfc/rfc7617'],
    likelyStatus: 401,
  },
  {
    id: 'secret-belongs-in-url',
    kind: 'credential',
    title: 'Credential header for a receiver that reads its secret from the URL',
    short: 'secret goes in URL',
    meaning:
      'This receiver takes its secret from the webhook URL itself and ignores credential headers; a URL without that secret gets 404 (Slack no_service, Discord Unknown Webhook).',
    side: 'request',
    steps: [
      { id: 'credential:secret-belongs-in-url/remove-credential-header', text: 'Remove the credential header.' },
      {
        id: 'credential:secret-belongs-in-url/paste-whole-webhook-url',
        text: 'Paste the whole webhook URL, secret part included, into the URL field.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(404)],
    likelyStatus: 404,
  },
  {
    id: 'incomplete-webhook-url',
    kind: 'credential',
    title: 'Webhook URL without its secret part',
    short: 'URL cut short',
    meaning: 'The URL lacks the secret part this receiver needs at its end, often because it was cut short when copied.',
    side: 'request',
    steps: [
      {
        id: 'credential:incomplete-webhook-url/copy-webhook-url-again',
        text: "Copy the webhook URL again, whole, from the receiver's settings.",
      },
      {
        id: 'credential:incomplete-webhook-url/paste-url-field-without',
        text: 'Paste it into the URL field without cutting or editing the end, and without spaces.',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(404)],
    likelyStatus: 404,
  },
  {
    id: 'unusable-webhook-url',
    kind: 'credential',
    title: 'A URL of this receiver that webhooks cannot call',
    short: 'unusable URL',
    meaning:
      'The receiver documents this kind of URL as one that only works in another setting (signed in as its owner, or no longer at all), so every call from the ESP fails.',
    side: 'request',
    steps: [
      {
        id: 'credential:unusable-webhook-url/open-receiver-settings-copy',
        text: "Open the receiver's settings and copy the URL it gives for calls from other services.",
      },
      { id: 'credential:unusable-webhook-url/paste-url-field-place', text: 'Paste it into the URL field in place of this one.' },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(403)],
    likelyStatus: 403,
  },
  {
    id: 'body-too-large',
    kind: 'json',
    title: 'Body or field longer than the receiver takes',
    short: 'body too large',
    meaning: 'The body, or one of its fields, is longer than the receiver documents as its limit, so it refuses the call.',
    side: 'request',
    steps: [
      {
        id: 'json:body-too-large/shorten-field-named-warning',
        text: 'Shorten the field named in the warning (or split the message), keeping in mind that template tags grow when they are filled in.',
      },
      { id: 'json:body-too-large/whole-body-over-limit', text: 'For a whole body over the limit, send fewer items per call.' },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(413)],
    likelyStatus: 400,
  },
  {
    id: 'wrong-body-format',
    kind: 'json',
    title: 'Body in a format this receiver does not read',
    short: 'wrong body format',
    meaning: 'The body is JSON where the receiver reads form fields (or the other way round), so it finds none of the fields it needs.',
    side: 'request',
    steps: [
      {
        id: 'json:wrong-body-format/rewrite-body-format-receiver',
        text: 'Rewrite the body in the format the receiver documents: JSON, or form fields such as To=...&Body=....',
      },
      {
        id: 'json:wrong-body-format/set-content-type-header',
        text: 'Set the Content-Type header to match (application/json or application/x-www-form-urlencoded).',
      },
      SEND_TEST_STEP,
    ],
    sources: [rfc9110Status(415)],
    likelyStatus: 400,
  },
];

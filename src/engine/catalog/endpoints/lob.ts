// Lob's print and mail API (api.lob.com/v1/...): Basic auth with the secret API key as user name
// and no password, test_ and live_ keys, and an error body with a message naming the field.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { LOB_API_KEYS, LOB_ERRORS } from '../sources';
import type { RequestRules } from '../types';
import { defineReceiver, type DocumentedErrorData } from './receiver';
import { hostAndPath, urlMatcher } from './url';

const KEY_STEP: AdviceStep = {
  id: 'lob/key',
  text: 'Set Authorization to Basic and the base64 of your secret API key followed by a colon (the key is the user name, the password stays empty); keys are under Settings, API Keys in the Lob dashboard.',
};

const REQUIRED_BY_RESOURCE: Readonly<Record<string, string[][]>> = {
  postcards: [['to'], ['front'], ['back']],
  letters: [['to'], ['from'], ['file']],
  self_mailers: [['to'], ['inside'], ['outside']],
};

function requestRules(url: string): RequestRules {
  const resource = /^\/v1\/(\w+)\/?$/.exec(hostAndPath(url)?.path ?? '')?.[1] ?? '';
  return {
    credential: {
      in: 'header',
      header: 'Authorization',
      scheme: 'Basic',
      placeholder: 'LOB_API_KEY_BASIC',
      where: 'base64 of your Lob secret API key followed by a colon (Settings, API Keys in the Lob dashboard)',
      basicUser: /^(?:test|live)_(?!pub_)\w+$/,
      expected: 'a secret API key (test_… or live_…, not a publishable …_pub_ key) as the user name and an empty password',
    },
    body: { format: 'either', anyOf: Object.hasOwn(REQUIRED_BY_RESOURCE, resource) ? (REQUIRED_BY_RESOURCE[resource] ?? []) : [] },
  };
}

/** An error of Lob's reference: its code appears lower-case in the answer's error.code. */
function lobError(code: string, status: number, meaning: string, steps: readonly AdviceStep[]): DocumentedErrorData {
  return { id: code, pattern: new RegExp(`\\b${code}\\b`, 'i'), status, meaning, steps };
}

export const lob = defineReceiver({
  id: 'lob',
  name: 'Lob print and mail API',
  sources: [LOB_API_KEYS, LOB_ERRORS],
  matches: urlMatcher((host) => host === 'api.lob.com', /^\/v1\//),
  request: requestRules,
  errors: [
    lobError('publishable_key_not_allowed', 403, 'A publishable key (…_pub_…) was used for a call that needs a secret key.', [KEY_STEP]),
    lobError(
      'invalid_api_key',
      401,
      'Lob does not know this API key: it is mistyped, regenerated, or sent without the trailing colon in Basic credentials.',
      [KEY_STEP],
    ),
    lobError('payment_method_unverified', 401, 'The Lob account has no verified bank account or card, which live requests need.', [
      {
        id: 'lob:error:payment-method-unverified/add-verify-payment-method',
        text: 'Add and verify a payment method in the Lob dashboard (Settings, Billing), or use a test_ key until then.',
      },
    ]),
    lobError('email_required', 401, 'The Lob account needs a verified email address before it can create live mail.', [
      { id: 'lob:error:email-required/verify-account-email-lob', text: 'Verify the account email in the Lob dashboard, then send again.' },
    ]),
    lobError(
      'failed_deliverability_strictness',
      422,
      "The recipient's address fails the deliverability strictness set for the account, so Lob will not mail it.",
      [
        {
          id: 'lob:error:failed-deliverability-strictness/correct-profile-address-address',
          text: "Correct the profile's address (address_line1, city, state, zip), or relax the strictness under Settings, Account in the Lob dashboard.",
        },
      ],
    ),
    lobError(
      'address_length_exceeds_limit',
      422,
      'address_line1 and address_line2 of the recipient are longer than 50 characters together.',
      [
        {
          id: 'lob:error:address-length-exceeds-limit/shorten-address-lines-move',
          text: 'Shorten the address lines, or move the apartment or suite into address_line2 with fewer characters.',
        },
      ],
    ),
    lobError('mail_use_type_can_not_be_null', 422, 'The mail piece has no use_type, and the account has no default one.', [
      {
        id: 'lob:error:mail-use-type-can-not-be-null/add-use-type-marketing',
        text: 'Add "use_type": "marketing" (or "operational") to the body, or have a Lob admin set a default use type in Account Settings.',
      },
    ]),
    lobError('merge_variable_required', 422, 'The template has a merge variable the body did not fill.', [
      {
        id: 'lob:error:merge-variable-required/add-merge-variable-template',
        text: 'Add every merge variable of the template to merge_variables in the body, with a value for each profile.',
      },
    ]),
    lobError('rate_limit_exceeded', 429, 'Requests with this API key came in too quickly.', [
      {
        id: 'lob:error:rate-limit-exceeded/send-lob-slowly-wait',
        text: 'Send to Lob more slowly; wait before retrying and spread the audience over more time.',
      },
    ]),
  ],
  steps: {
    'http:401': [
      KEY_STEP,
      {
        id: 'lob:http:401/someone-regenerated-key-dashboard',
        text: 'If someone regenerated the key in the dashboard, the old one stopped working: paste the new one.',
      },
      {
        id: 'lob:http:401/use-test-key-try',
        text: 'Use a test_ key to try things out (nothing is printed) and the live_ key for real mail.',
      },
      SEND_TEST_STEP,
    ],
    'http:403': [
      {
        id: 'lob:http:403/publishable-keys-pub-can',
        text: 'Publishable keys (…_pub_…) can only verify addresses: use a secret key to create mail.',
      },
    ],
    'http:422': [
      {
        id: 'lob:http:422/read-error-message-lob',
        text: "Read error.message in Lob's answer: it names the field that is missing or invalid, such as the recipient's address_line1 or address_zip.",
      },
    ],
    'http:429': [
      {
        id: 'lob:http:429/send-lob-slowly-wait',
        text: 'Send to Lob more slowly; wait before retrying and spread the audience over more time.',
      },
    ],
    'http:5xx': [
      {
        id: 'lob:http:5xx/5xx-timeout-may-still',
        text: 'A 5xx or a timeout may still have created the mail piece: check the Lob dashboard before resending.',
      },
      {
        id: 'lob:http:5xx/send-idempotency-key-header',
        text: 'Send an Idempotency-Key header (one value per recipient and send) so a retry cannot mail twice.',
      },
    ],
    'credential:basic-wrong-user': [KEY_STEP],
    'credential:malformed-basic': [KEY_STEP],
    'json:missing-required-field': [
      {
        id: 'lob:json:missing-required-field/postcard-needs-front-back',
        text: 'A postcard needs to, front and back; a letter needs to, from and file; a self-mailer needs to, inside and outside.',
      },
    ],
  },
  notes: {
    'http:401': 'Lob answers 401 when the API key is missing, wrong or outdated.',
    'http:5xx': 'At Lob, a failed or timed-out request may still have created the mail piece; a failed 4xx never costs postage.',
  },
});

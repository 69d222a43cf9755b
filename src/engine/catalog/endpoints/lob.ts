// Lob's print and mail API (api.lob.com/v1/...): Basic auth with the secret API key as user name
// and no password, test_ and live_ keys, and an error body with a message naming the field.
import { SEND_TEST_STEP } from '../common-steps';
import { LOB_API_KEYS, LOB_ERRORS } from '../sources';
import type { RequestRules } from '../types';
import { defineReceiver } from './receiver';
import { hostAndPath, urlMatcher } from './url';

const KEY_STEP =
  'Set Authorization to Basic and the base64 of your secret API key followed by a colon (the key is the user name, the password stays empty); keys are under Settings, API Keys in the Lob dashboard.';

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
    body: { format: 'either', anyOf: Object.hasOwn(REQUIRED_BY_RESOURCE, resource) ? REQUIRED_BY_RESOURCE[resource] ?? [] : [] },
  };
}

export const lob = defineReceiver({
  id: 'lob',
  name: 'Lob print and mail API',
  sources: [LOB_API_KEYS, LOB_ERRORS],
  matches: urlMatcher((host) => host === 'api.lob.com', /^\/v1\//),
  request: requestRules,
  steps: {
    'http:401': [
      KEY_STEP,
      'If someone regenerated the key in the dashboard, the old one stopped working: paste the new one.',
      'Use a test_ key to try things out (nothing is printed) and the live_ key for real mail.',
      SEND_TEST_STEP,
    ],
    'http:403': ['Publishable keys (…_pub_…) can only verify addresses: use a secret key to create mail.'],
    'http:422': ["Read error.message in Lob's answer: it names the field that is missing or invalid, such as the recipient's address_line1 or address_zip."],
    'http:429': ['Send to Lob more slowly; wait before retrying and spread the audience over more time.'],
    'http:5xx': [
      'A 5xx or a timeout may still have created the mail piece: check the Lob dashboard before resending.',
      'Send an Idempotency-Key header (one value per recipient and send) so a retry cannot mail twice.',
    ],
    'credential:basic-wrong-user': [KEY_STEP],
    'credential:malformed-basic': [KEY_STEP],
    'json:missing-required-field': ['A postcard needs to, front and back; a letter needs to, from and file; a self-mailer needs to, inside and outside.'],
  },
  notes: {
    'http:401': 'Lob answers 401 when the API key is missing, wrong or outdated.',
    'http:5xx': 'At Lob, a failed or timed-out request may still have created the mail piece; a failed 4xx never costs postage.',
  },
});

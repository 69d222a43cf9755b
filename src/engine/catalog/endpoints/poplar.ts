// Poplar's direct-mail API as a webhook receiver: its checklists per status code, the fields its
// Mailing API needs, and its error body. Kept light: the content script imports this file.
import type { ProviderId } from '../../types';
import type { AdviceStep, EndpointError, EndpointLayer } from '../types';
import { LOWER_SEND_RATE_STEP } from '../common-steps';
import { POPLAR_HTTP_ERRORS, POPLAR_STATUS_ERRORS } from '../sources';
import { hostAndPath } from './url';

const POPLAR_HOST = 'api.heypoplar.com';

export const POPLAR_MAILING_REQUIRED_FIELDS: readonly string[] = ['address_1', 'city', 'state', 'postal_code'];

export function isPoplarUrl(url: string): boolean {
  return hostAndPath(url)?.host === POPLAR_HOST;
}

/** True for Poplar's Mailing API (/v1/mailing), the only endpoint that takes a test token. */
export function isPoplarMailingApi(url: string): boolean {
  const parts = hostAndPath(url);
  return parts?.host === POPLAR_HOST && /^\/v1\/mailing(?:\/|$)/i.test(parts.path);
}

const TEST_PROFILE_ADDRESS_STEP: AdviceStep = {
  id: 'poplar/test-profile-has-address',
  text: 'Check that the profile you test with has all four address values saved.',
};

const BAD_REQUEST_STEPS: readonly AdviceStep[] = [
  {
    id: 'poplar:http:400/campaign-active',
    text: 'In Poplar, check that the campaign the webhook names is Active and has its creative uploaded.',
  },
  {
    id: 'poplar:http:400/variables-match-properties',
    text: 'Check that each variable in the webhook body matches a property that exists on the profile (same name, same case).',
  },
  { id: 'poplar:http:400/send-address-fields', text: 'Make sure the body sends address_1, city, state and postal_code for the recipient.' },
  TEST_PROFILE_ADDRESS_STEP,
  { id: 'poplar:http:400/check-json', text: 'Check the JSON for extra or missing commas, quotes and curly braces.' },
  {
    id: 'poplar:http:400/read-error-message',
    text: "Read error.message in Poplar's response body: it names the parameter that is missing or invalid.",
  },
];

const PRODUCTION_TOKEN_STEP: AdviceStep = {
  id: 'poplar/production-token',
  text: 'Only the Mailing API accepts the test token: Audiences, Orders, Do Not Mail and every other Poplar endpoint need the production token.',
};

const KLAVIYO_DUPLICATE_STEP: AdviceStep = {
  id: 'poplar/klaviyo-duplicate',
  text: 'Klaviyo only: a duplicated webhook carries ### instead of the token, so paste the token again straight from Poplar.',
};

function forbiddenSteps(url: string, provider: ProviderId | undefined): AdviceStep[] {
  const steps = [
    {
      id: 'poplar:http:403/bearer-token',
      text: 'Set the Authorization header value to Bearer, a space, then your Poplar test or production token.',
    },
    {
      id: 'poplar:http:403/paste-whole-token',
      text: 'Copy the token from Poplar again and paste it whole: a token cut short by a partial copy is refused.',
    },
    // With a known provider, Klaviyo's own layer covers this (or it does not apply at all).
    ...(provider === undefined ? [KLAVIYO_DUPLICATE_STEP] : []),
    {
      id: 'poplar:http:403/organization-token',
      text: 'If you have several Poplar organizations, use the token of the organization that owns the campaign.',
    },
  ];
  // Outside the Mailing API the token type is the most likely cause, so it goes first.
  return isPoplarMailingApi(url) ? [...steps, PRODUCTION_TOKEN_STEP] : [PRODUCTION_TOKEN_STEP, ...steps];
}

const RATE_LIMIT_STEPS: readonly AdviceStep[] = [
  {
    id: 'poplar:http:429/read-rate-limit-headers',
    text: 'Read the rate-limit headers Poplar returns on every response (x-rate-limit-…): they tell how many requests are left.',
  },
  LOWER_SEND_RATE_STEP,
  { id: 'poplar:http:429/ask-higher-limit', text: 'If your volume needs more, e-mail support@heypoplar.com to ask for a higher limit.' },
];

const SERVER_ERROR_STEPS: readonly AdviceStep[] = [
  {
    id: 'poplar:http:500/recheck-basics',
    text: 'Re-check the basics first: the campaign is Active, the four address fields are present, and the token is right.',
  },
  {
    id: 'poplar:http:500/email-support',
    text: 'If the 500 continues, e-mail support@heypoplar.com with the time of the failure and the webhook URL.',
  },
];

function stepsFor(topic: string, url: string, provider?: ProviderId): readonly AdviceStep[] {
  switch (topic) {
    case 'http:400':
    case 'json:invalid-json':
    case 'json:template-breaks-json':
      return BAD_REQUEST_STEPS;
    case 'http:401':
    case 'http:403':
      return forbiddenSteps(url, provider);
    case 'credential:masked-token':
      return [
        {
          id: 'poplar:credential:masked-token/copy-token-again',
          text: 'Copy the token again from Poplar (not from another webhook) and paste it after Bearer and a space.',
        },
      ];
    case 'credential:missing-bearer-prefix':
      return [
        {
          id: 'poplar:credential:missing-bearer-prefix/expected-header',
          text: 'Poplar expects the header Authorization: Bearer followed by a space and the token.',
        },
      ];
    case 'credential:test-token-wrong-endpoint':
      return [PRODUCTION_TOKEN_STEP];
    case 'json:missing-required-field':
    case 'json:empty-required-field':
      return [
        {
          id: 'poplar:json:missing-required-field/address-fields',
          text: "Poplar's Mailing API needs address_1, city, state and postal_code for every recipient.",
        },
        TEST_PROFILE_ADDRESS_STEP,
      ];
    case 'http:429':
    case 'rate-limit:rate-limited':
      return RATE_LIMIT_STEPS;
    case 'http:500':
      return SERVER_ERROR_STEPS;
    default:
      return [];
  }
}

function steps(topic: string, url: string, provider?: ProviderId): readonly string[] {
  return stepsFor(topic, url, provider).map((step) => step.text);
}

const NOTES: Readonly<Record<string, string>> = {
  'http:400': 'At Poplar, a 400 usually means an inactive campaign, missing address data or broken JSON.',
  'http:403': 'Poplar answers 403 for authentication problems.',
  'http:429': "Poplar limits how fast its API may be called; the limit can be hit on the ESP's side or on Poplar's.",
  'http:500': "At Poplar, a 500 points to Poplar's own servers; it is rare.",
};

function note(topic: string, _url: string): string | undefined {
  return Object.hasOwn(NOTES, topic) ? NOTES[topic] : undefined;
}

/** Reads Poplar's error body, `{"error":{"title":"ValidationError","message":"..."}}`. */
export function readPoplarError(body: string): EndpointError | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const error = (parsed as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { title, message } = error as { title?: unknown; message?: unknown };
  if (typeof title !== 'string' && typeof message !== 'string') return undefined;
  return { title: typeof title === 'string' ? title : '', message: typeof message === 'string' ? message : '' };
}

export const poplar: EndpointLayer = {
  id: 'poplar',
  name: 'Poplar',
  sources: [POPLAR_STATUS_ERRORS, POPLAR_HTTP_ERRORS],
  matches: isPoplarUrl,
  requiredFields: (url) => (isPoplarMailingApi(url) ? POPLAR_MAILING_REQUIRED_FIELDS : []),
  request: () => ({
    credential: {
      in: 'header',
      header: 'Authorization',
      scheme: 'Bearer',
      placeholder: 'POPLAR_API_TOKEN',
      where: "your Poplar test or production token, from Poplar's API settings",
    },
    body: { format: 'json', anyOf: [] },
  }),
  steps,
  note,
  readErrorBody: readPoplarError,
};

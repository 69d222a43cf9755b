// Shopify's Admin API (<shop>.myshopify.com/admin/api/<version>/...): the token goes in
// X-Shopify-Access-Token (not Authorization: Bearer), bodies are JSON, and the REST rate limit is a
// leaky bucket told in X-Shopify-Shop-Api-Call-Limit and Retry-After.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { SHOPIFY_ADMIN_AUTH, SHOPIFY_RATE_LIMITS, SHOPIFY_RESPONSE_CODES } from '../sources';
import { defineReceiver } from './receiver';
import { hostUnder, urlMatcher } from './url';

const TOKEN_STEP: AdviceStep = {
  id: 'shopify/token',
  text: "Send the Admin API access token (shpat_…) of the store's custom app in a header named X-Shopify-Access-Token, with the bare token as its value (no Bearer).",
};

export const shopify = defineReceiver({
  id: 'shopify',
  name: 'Shopify Admin API',
  sources: [SHOPIFY_ADMIN_AUTH, SHOPIFY_RESPONSE_CODES, SHOPIFY_RATE_LIMITS],
  matches: urlMatcher((host) => hostUnder(host, 'myshopify.com') && host !== 'myshopify.com', /^\/admin\//),
  request: () => ({
    credential: {
      in: 'header',
      header: 'X-Shopify-Access-Token',
      scheme: 'none',
      placeholder: 'SHOPIFY_ACCESS_TOKEN',
      where: "the Admin API access token of the store's custom app (Settings, Apps, Develop apps, API credentials)",
      expected: 'X-Shopify-Access-Token with the bare token',
    },
    body: { format: 'json', anyOf: [] },
  }),
  errors: [
    {
      id: 'Invalid API key or access token',
      pattern: /Invalid API key or access token/i,
      status: 401,
      meaning: 'Shopify did not recognise the access token: it is wrong, revoked, or sent in the wrong header.',
      steps: [TOKEN_STEP],
    },
    {
      id: 'requires merchant approval',
      pattern: /requires merchant approval for \w+ scope/i,
      status: 403,
      meaning: "The app's token lacks the access scope this call needs (the message names it, such as write_orders).",
      steps: [
        {
          id: 'shopify:error:requires-merchant-approval/custom-app-admin-api',
          text: "In the custom app's Admin API scopes, add the scope the message names, save, and install the new version so the token gets it.",
        },
      ],
      source: SHOPIFY_RESPONSE_CODES,
    },
    {
      id: 'Exceeded calls per second',
      pattern: /Exceeded \d+ calls per second for api client/i,
      status: 429,
      meaning: 'The REST rate limit of this app on this store is used up.',
      steps: [
        {
          id: 'shopify:error:exceeded-calls-per-second/wait-seconds-retry-after',
          text: 'Wait the seconds in Retry-After, then send more slowly.',
        },
      ],
    },
  ],
  steps: {
    'http:401': [
      TOKEN_STEP,
      {
        id: 'shopify:http:401/app-uninstalled-token-regenerated',
        text: 'If the app was uninstalled or its token regenerated, paste the new token.',
      },
      SEND_TEST_STEP,
    ],
    'http:400': [
      {
        id: 'shopify:http:400/set-content-type-header',
        text: 'Set the Content-Type header to application/json: Shopify answers 400 to a body it cannot read as JSON.',
      },
      {
        id: 'shopify:http:400/read-errors-object-shopify',
        text: 'Read the "errors" object in Shopify\'s answer: it names the parameter that is missing or invalid.',
      },
    ],
    'http:402': [
      {
        id: 'shopify:http:402/store-plan-unpaid-frozen',
        text: "The store's plan is unpaid (frozen): ask the store owner to settle the bill in Shopify; calls fail until then.",
      },
    ],
    'http:403': [
      {
        id: 'shopify:http:403/token-lacks-access-scope',
        text: "The token lacks an access scope this call needs: add it to the custom app's Admin API scopes and install the app again.",
      },
    ],
    'http:404': [
      {
        id: 'shopify:http:404/check-store-address-store',
        text: 'Check the store address (<store>.myshopify.com), the API version and the resource ID in the URL.',
      },
    ],
    'http:422': [
      {
        id: 'shopify:http:422/read-errors-object-shopify',
        text: 'Read the "errors" object in Shopify\'s answer: it names each field it refused, such as an email already taken.',
      },
    ],
    'http:423': [
      {
        id: 'shopify:http:423/store-locked-after-repeatedly',
        text: 'The store is locked, after repeatedly going over the API rate limit or for a fraud or account review: the store owner has to contact Shopify support.',
      },
    ],
    'http:429': [
      {
        id: 'shopify:http:429/wait-number-seconds-retry',
        text: 'Wait the number of seconds in the Retry-After header, then send more slowly.',
      },
      {
        id: 'shopify:http:429/x-shopify-shop-api',
        text: 'X-Shopify-Shop-Api-Call-Limit (such as 40/40) shows how full the bucket is: keep well below the second number.',
      },
    ],
    'credential:wrong-auth-header': [TOKEN_STEP],
    'credential:wrong-auth-scheme': [TOKEN_STEP],
  },
  notes: {
    'http:401': 'Shopify reads the Admin API token only from the X-Shopify-Access-Token header; Authorization: Bearer is refused with 401.',
    'http:402': 'At Shopify, 402 means the store is frozen for an unpaid bill.',
    'http:423': 'At Shopify, 423 means the store is locked, for example after repeatedly going over the API rate limit.',
    'http:429':
      'Shopify answers 429 with Retry-After when the app empties its request bucket for the store (40 requests, refilled at 2 a second; 400 and 20 on Shopify Plus); the GraphQL Admin API instead answers 200 with a THROTTLED error.',
  },
});

// HubSpot's CRM API (api.hubapi.com/crm/v3/...) as a receiver: a private app token with
// Authorization: Bearer, JSON bodies with "properties", and errors with a category in the body.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { HUBSPOT_AUTH, HUBSPOT_CONTACTS, HUBSPOT_ERROR_HANDLING, HUBSPOT_USAGE } from '../sources';
import type { RequestRules } from '../types';
import { defineReceiver } from './receiver';
import { hostAndPath, urlMatcher } from './url';

const HUBSPOT_HOSTS = new Set(['api.hubapi.com', 'api.hubspot.com']);
const TOKEN_STEP: AdviceStep = {
  id: 'hubspot-crm/token',
  text: 'Set Authorization to Bearer and the access token of a HubSpot private app (Settings, Integrations, Private Apps, Auth tab); the old hapikey parameter no longer works.',
};

function requestRules(url: string): RequestRules {
  const path = hostAndPath(url)?.path ?? '';
  const anyOf: string[][] = /\/batch\//.test(path) ? [['inputs']] : /^\/crm\/v3\/objects\/[^/]+\/?$/.test(path) ? [['properties']] : [];
  return {
    credential: {
      in: 'header',
      header: 'Authorization',
      scheme: 'Bearer',
      placeholder: 'HUBSPOT_ACCESS_TOKEN',
      where: 'the access token of a HubSpot private app (Settings, Integrations, Private Apps, Auth)',
    },
    body: { format: 'json', anyOf },
  };
}

export const hubspotCrm = defineReceiver({
  id: 'hubspot-crm',
  name: 'HubSpot CRM API',
  sources: [HUBSPOT_AUTH, HUBSPOT_ERROR_HANDLING, HUBSPOT_USAGE, HUBSPOT_CONTACTS],
  matches: urlMatcher((host) => HUBSPOT_HOSTS.has(host), /^\/crm\//),
  request: requestRules,
  errors: [
    {
      id: 'INVALID_AUTHENTICATION',
      status: 401,
      meaning: 'HubSpot did not accept the token (category INVALID_AUTHENTICATION).',
      steps: [TOKEN_STEP],
    },
    {
      id: 'MISSING_SCOPES',
      status: 403,
      meaning: 'The private app lacks a scope this call needs (category MISSING_SCOPES); the message lists it.',
      steps: [
        {
          id: 'hubspot-crm:error:missing-scopes/add-missing-scope-private',
          text: 'Add the missing scope to the private app (its Scopes tab), save, and use the token it shows afterwards.',
        },
      ],
    },
    {
      id: 'VALIDATION_ERROR',
      status: 400,
      meaning: 'A property in the body is unknown or has a value HubSpot refuses (category VALIDATION_ERROR).',
      steps: [
        {
          id: 'hubspot-crm:error:validation-error/read-message-names-property',
          text: 'Read the message: it names the property. Use internal property names (Settings, Properties) and allowed option values.',
        },
      ],
    },
    {
      id: 'OBJECT_NOT_FOUND',
      status: 404,
      meaning: 'The record ID in the URL does not exist in this HubSpot account.',
      steps: [
        {
          id: 'hubspot-crm:error:object-not-found/check-id-url-token',
          text: 'Check the ID in the URL and that the token belongs to the account that holds the record.',
        },
      ],
    },
    {
      id: 'Contact already exists',
      pattern: /Contact already exists/i,
      status: 409,
      meaning: 'A contact with this email already exists; creating it again is refused (the message gives the existing ID).',
      steps: [
        {
          id: 'hubspot-crm:error:contact-already-exists/update-existing-contact-instead',
          text: 'Update the existing contact instead (PATCH with the ID, or use the email as idProperty), or use a batch upsert.',
        },
      ],
    },
    {
      id: 'TEN_SECONDLY_ROLLING',
      status: 429,
      meaning: 'The private app made too many calls within ten seconds.',
      steps: [
        {
          id: 'hubspot-crm:error:ten-secondly-rolling/send-slowly-x-hubspot',
          text: 'Send more slowly; the X-HubSpot-RateLimit-Remaining header shows how many calls are left in the window.',
        },
      ],
    },
  ],
  steps: {
    'http:400': [
      {
        id: 'hubspot-crm:http:400/read-message-category-hubspot',
        text: 'Read "message" and "category" in HubSpot\'s answer: they name the property or value it refused.',
      },
      {
        id: 'hubspot-crm:http:400/wrap-fields-properties-object',
        text: 'Wrap the fields in a "properties" object and use internal property names.',
      },
    ],
    'http:401': [TOKEN_STEP, SEND_TEST_STEP],
    'http:403': [
      {
        id: 'hubspot-crm:http:403/add-scope-message-names',
        text: 'Add the scope the message names to the private app, save, and send a test again.',
      },
    ],
    'http:409': [
      {
        id: 'hubspot-crm:http:409/record-already-exists-update',
        text: 'The record already exists: update it by ID (or by email as idProperty) instead of creating it.',
      },
    ],
    'http:429': [
      {
        id: 'hubspot-crm:http:429/hubspot-limits-private-apps',
        text: 'HubSpot limits private apps per ten seconds and per day: read policyName in the answer (TEN_SECONDLY_ROLLING or DAILY).',
      },
      {
        id: 'hubspot-crm:http:429/send-slowly-x-hubspot',
        text: 'Send more slowly; the X-HubSpot-RateLimit-* headers say how much room is left.',
      },
    ],
    'credential:missing-bearer-prefix': [TOKEN_STEP],
    'json:missing-required-field': [
      {
        id: 'hubspot-crm:json:missing-required-field/wrap-record-fields-properties',
        text: 'Wrap the record\'s fields in a "properties" object (batch calls: an "inputs" array).',
      },
    ],
  },
  notes: {
    'http:401': 'HubSpot takes private app tokens and OAuth tokens as Authorization: Bearer; API keys (hapikey) were retired.',
    'http:429': 'HubSpot names the limit that was hit in the answer (policyName) and sends X-HubSpot-RateLimit-* headers.',
  },
});

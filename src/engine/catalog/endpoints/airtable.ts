// Airtable's Web API (api.airtable.com/v0/<base>/<table>): a personal access token with
// Authorization: Bearer, JSON bodies with "fields" (or "records"), and a strict per-base rate limit.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { AIRTABLE_CALL_LIMITS, AIRTABLE_RATE_LIMITS, AIRTABLE_TROUBLESHOOTING } from '../sources';
import { defineReceiver } from './receiver';
import { urlMatcher } from './url';

const TOKEN_STEP: AdviceStep = {
  id: 'airtable/token',
  text: 'Set Authorization to Bearer and a personal access token (pat…) from airtable.com/create/tokens that has the data.records:write scope and access to this base; API keys no longer work.',
};

export const airtable = defineReceiver({
  id: 'airtable',
  name: 'Airtable Web API',
  sources: [AIRTABLE_TROUBLESHOOTING, AIRTABLE_RATE_LIMITS, AIRTABLE_CALL_LIMITS],
  matches: urlMatcher((host) => host === 'api.airtable.com', /^\/v0\//),
  request: () => ({
    credential: {
      in: 'header',
      header: 'Authorization',
      scheme: 'Bearer',
      placeholder: 'AIRTABLE_TOKEN',
      where: 'a personal access token from airtable.com/create/tokens',
    },
    body: { format: 'json', anyOf: [['fields', 'records']] },
  }),
  errors: [
    {
      id: 'AUTHENTICATION_REQUIRED',
      status: 401,
      meaning: 'No valid token reached Airtable: it is missing or not passed in the Authorization header as Bearer.',
      steps: [TOKEN_STEP],
    },
    {
      id: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND',
      status: 403,
      meaning: 'The token may not touch this base or table, or the base or table ID is wrong.',
      steps: [
        {
          id: 'airtable:error:invalid-permissions-or-model-not-found/give-token-access-base',
          text: "Give the token access to this base and the data.records:write scope, and copy the base (app…) and table IDs again from the base's API page.",
        },
      ],
    },
    {
      id: 'UNKNOWN_FIELD_NAME',
      status: 422,
      meaning: 'The body names a field the table does not have (names must match exactly, case included).',
      steps: [
        {
          id: 'airtable:error:unknown-field-name/match-key-under-fields',
          text: 'Match each key under "fields" to a field name of the table exactly, or use field IDs.',
        },
      ],
    },
    {
      id: 'INVALID_MULTIPLE_CHOICE_OPTIONS',
      status: 422,
      meaning: 'A select field got an option that does not exist.',
      steps: [
        {
          id: 'airtable:error:invalid-multiple-choice-options/send-existing-option-add',
          text: 'Send an existing option, or add "typecast": true to the body so Airtable creates it.',
        },
      ],
    },
    {
      id: 'INVALID_VALUE_FOR_COLUMN',
      status: 422,
      meaning: 'A value does not fit its field type (text in a number field, a bad date).',
      steps: [
        {
          id: 'airtable:error:invalid-value-for-column/send-values-field-type',
          text: 'Send values in the field\'s type, or add "typecast": true to let Airtable convert them.',
        },
      ],
    },
  ],
  steps: {
    'http:401': [TOKEN_STEP, SEND_TEST_STEP],
    'http:403': [
      {
        id: 'airtable:http:403/give-token-access-base',
        text: 'Give the token access to this base and the data.records:write scope; check the base and table IDs in the URL.',
      },
    ],
    'http:404': [
      {
        id: 'airtable:http:404/check-base-id-app',
        text: 'Check the base ID (app…) and the table name or ID in the URL; a renamed table changes the URL when you use its name.',
      },
    ],
    'http:422': [
      {
        id: 'airtable:http:422/read-error-type-error',
        text: 'Read error.type and error.message in the answer: they name the field or value Airtable refused.',
      },
      { id: 'airtable:http:422/put-values-under-fields', text: 'Put the values under "fields" with the exact field names of the table.' },
    ],
    'http:429': [
      {
        id: 'airtable:http:429/airtable-takes-5-requests',
        text: 'Airtable takes 5 requests per second per base and then refuses everything for 30 seconds: send to this base more slowly.',
      },
      {
        id: 'airtable:http:429/retrying-right-away-keeps',
        text: 'Retrying right away keeps the block going; retries spaced out by the ESP will get through once the 30 seconds pass.',
      },
    ],
    'json:missing-required-field': [
      {
        id: 'airtable:json:missing-required-field/put-record-values-fields',
        text: 'Put the record\'s values in a "fields" object (or a "records" array of up to 10 objects with "fields").',
      },
    ],
  },
  notes: {
    'http:429':
      'Airtable allows 5 requests per second per base (50 per token across bases); after a 429 every request fails for 30 seconds.',
    'http:422': 'Airtable names the refused field or value in the error body (error.type and error.message).',
  },
});

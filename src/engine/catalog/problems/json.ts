// Problems in a webhook's JSON body. diagnose() adds the finding's line, column and field names.
import type { ProblemData } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { POPLAR_STATUS_ERRORS, rfc9110Status } from '../sources';
import { BRAZE_CREATING_WEBHOOK, BRAZE_WEBHOOK_ERRORS } from '../../../providers/braze/sources';

const JSON_SPEC = 'https://www.rfc-editor.org/rfc/rfc8259';

export const JSON_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'invalid-json',
    kind: 'json',
    title: 'Body is not valid JSON',
    short: 'invalid JSON',
    meaning: 'The request body does not parse as JSON, so the receiver cannot read any of its fields and usually answers 400.',
    side: 'request',
    steps: [
      {
        id: 'json:invalid-json/go-position-shown-look',
        text: 'Go to the position shown and look just before it: a missing or extra comma, a missing quote, or a brace or bracket that is never closed.',
      },
      {
        id: 'json:invalid-json/use-straight-double-quotes',
        text: 'Use straight double quotes (") around keys and text values; curly quotes from word processors break JSON.',
      },
      { id: 'json:invalid-json/remove-comma-after-last', text: 'Remove the comma after the last item of an object or a list.' },
      {
        id: 'json:invalid-json/paste-body-json-validator',
        text: 'Paste the body into a JSON validator to confirm it parses, then send a test.',
      },
    ],
    sources: [JSON_SPEC, BRAZE_WEBHOOK_ERRORS],
    likelyStatus: 400,
  },
  {
    id: 'template-breaks-json',
    kind: 'json',
    title: 'Template tag can break the JSON',
    short: 'tag breaks JSON',
    meaning:
      'A personalization tag sits where its output can make the body invalid: unquoted where text is expected, filled with a value that contains quotes or line breaks, or rendering blank.',
    side: 'request',
    steps: [
      {
        id: 'json:template-breaks-json/put-text-tags-inside',
        text: 'Put text tags inside double quotes, for example "first_name": "{{ first_name }}".',
      },
      {
        id: 'json:template-breaks-json/give-tag-default-value',
        text: 'Give each tag a default value so a missing property never renders blank.',
      },
      {
        id: 'json:template-breaks-json/values-may-contain-quotes',
        text: 'For values that may contain quotes or line breaks, use the escaping filter your ESP offers for JSON output.',
      },
      {
        id: 'json:template-breaks-json/preview-webhook-real-profile',
        text: 'Preview the webhook for a real profile and check that the rendered body parses as JSON.',
      },
      SEND_TEST_STEP,
    ],
    sources: [BRAZE_CREATING_WEBHOOK, BRAZE_WEBHOOK_ERRORS],
    likelyStatus: 400,
  },
  {
    id: 'missing-required-field',
    kind: 'json',
    title: 'Required field missing',
    short: 'required field missing',
    meaning: 'The body lacks a field the receiver requires, so the receiver rejects the request (usually with 400).',
    side: 'request',
    steps: [
      {
        id: 'json:missing-required-field/add-missing-field-body',
        text: "Add each missing field to the body, spelled exactly as in the receiver's documentation.",
      },
      { id: 'json:missing-required-field/fill-profile-property-holds', text: 'Fill it from the profile property that holds the value.' },
      {
        id: 'json:missing-required-field/check-test-profile-value',
        text: 'Check that your test profile has a value for each of these fields.',
      },
      SEND_TEST_STEP,
    ],
    sources: [POPLAR_STATUS_ERRORS, rfc9110Status(400)],
    likelyStatus: 400,
  },
  {
    id: 'empty-required-field',
    kind: 'json',
    title: 'Required field is empty',
    short: 'required field empty',
    meaning: 'A required field is present but empty ("" or null), often because its personalization tag found no value on this profile.',
    side: 'request',
    steps: [
      {
        id: 'json:empty-required-field/check-profile-value-property',
        text: 'Check that the profile has a value for the property behind the field.',
      },
      {
        id: 'json:empty-required-field/check-tag-property-name',
        text: "Check that the tag's property name matches the profile property exactly, including upper/lower case.",
      },
      {
        id: 'json:empty-required-field/filter-flow-profiles-value',
        text: 'Filter the flow so only profiles with the value reach the webhook, or give the tag a sensible default.',
      },
      SEND_TEST_STEP,
    ],
    sources: [POPLAR_STATUS_ERRORS, rfc9110Status(400)],
    likelyStatus: 400,
  },
];

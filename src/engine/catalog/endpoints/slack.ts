// Slack incoming webhooks (hooks.slack.com/services/T…/B…/secret): the URL is the credential,
// the body is JSON with text or blocks, and errors come back as short strings in the body.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { SLACK_INCOMING_WEBHOOKS, SLACK_RATE_LIMITS, SLACK_WEBHOOK_ERRORS } from '../sources';
import { defineReceiver } from './receiver';
import { urlMatcher } from './url';

const NEW_URL_STEP: AdviceStep = {
  id: 'slack/new-url',
  text: "In Slack, open the app's Incoming Webhooks page, add a new webhook for the channel, and paste the whole new URL into the ESP's webhook URL field.",
};
const BODY_STEP: AdviceStep = {
  id: 'slack/body',
  text: 'Send a JSON body with a "text" field (or "blocks"), and set the Content-Type header to application/json.',
};

export const slack = defineReceiver({
  id: 'slack',
  name: 'Slack incoming webhook',
  sources: [SLACK_INCOMING_WEBHOOKS, SLACK_WEBHOOK_ERRORS, SLACK_RATE_LIMITS],
  matches: urlMatcher((host) => host === 'hooks.slack.com', /^\/services\//),
  request: () => ({
    credential: {
      in: 'url',
      secretPath: /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/([A-Za-z0-9]{8,})\/?$/,
      placeholder: 'SLACK_WEBHOOK_SECRET',
      where: "the last part of the webhook URL, from the app's Incoming Webhooks page in Slack",
      headerIgnored: true,
    },
    body: { format: 'json', anyOf: [['text', 'blocks', 'attachments']] },
  }),
  errors: [
    {
      id: 'invalid_payload',
      status: 400,
      meaning: 'Slack could not read the body: it is not valid JSON, or it does not match the Content-Type sent with it.',
      steps: [
        BODY_STEP,
        {
          id: 'slack:error:invalid-payload/preview-rendered-body-esp',
          text: 'Preview the rendered body in the ESP and check that every template tag left the JSON valid.',
        },
      ],
    },
    {
      id: 'no_text',
      status: 400,
      meaning: 'The message has no text: the body lacks a "text" field (or blocks to show).',
      steps: [
        BODY_STEP,
        {
          id: 'slack:error:no-text/text-comes-template-tag',
          text: 'If the text comes from a template tag, check that the tag renders a value for the profile you test with.',
        },
      ],
    },
    {
      id: 'user_not_found',
      status: 400,
      meaning: 'The body names a user Slack does not know.',
      steps: [
        {
          id: 'slack:error:user-not-found/remove-user-channel-override',
          text: 'Remove the user or channel override from the body: an incoming webhook posts to the channel it was created for.',
        },
      ],
    },
    {
      id: 'action_prohibited',
      status: 403,
      meaning: 'A restriction of the Slack workspace stops this webhook from posting there.',
      steps: [
        {
          id: 'slack:error:action-prohibited/ask-slack-workspace-admin',
          text: 'Ask a Slack workspace admin whether posting by apps or webhooks is restricted in that channel.',
        },
        NEW_URL_STEP,
      ],
    },
    {
      id: 'posting_to_general_channel_denied',
      status: 403,
      meaning: 'Only admins may post in the workspace-wide channel, and the webhook is not allowed to.',
      steps: [
        {
          id: 'slack:error:posting-to-general-channel-denied/point-webhook-another-channel',
          text: 'Point the webhook at another channel (create a new webhook for it), or ask a Slack admin to allow it.',
        },
      ],
    },
    { id: 'channel_not_found', status: 404, meaning: 'The channel the webhook posts to no longer exists.', steps: [NEW_URL_STEP] },
    {
      id: 'channel_is_archived',
      status: 410,
      meaning: 'The channel was archived, so it takes no more messages, not even from this webhook.',
      steps: [
        {
          id: 'slack:error:channel-is-archived/unarchive-channel-slack-create',
          text: 'Unarchive the channel in Slack, or create a webhook for another channel and paste its URL into the ESP.',
        },
      ],
    },
    {
      id: 'no_service',
      status: 404,
      meaning: 'The webhook no longer exists: it was removed, or the app it belongs to was uninstalled or disabled.',
      steps: [NEW_URL_STEP],
    },
    {
      id: 'no_team',
      status: 404,
      meaning: 'The Slack workspace in the URL does not exist any more, or the URL was cut short.',
      steps: [{ id: 'slack:error:no-team/copy-webhook-url-again', text: 'Copy the webhook URL again, whole, from Slack.' }, NEW_URL_STEP],
    },
    {
      id: 'team_disabled',
      status: 404,
      meaning: 'The Slack workspace behind the webhook has been disabled.',
      steps: [
        {
          id: 'slack:error:team-disabled/ask-workspace-owner-webhook',
          text: 'Ask the workspace owner; a webhook of a disabled workspace cannot post.',
        },
      ],
    },
    {
      id: 'invalid_token',
      status: 403,
      meaning: 'The secret part of the webhook URL is not valid (revoked, or mistyped).',
      steps: [
        { id: 'slack:error:invalid-token/copy-webhook-url-again', text: 'Copy the webhook URL again, whole, from Slack.' },
        NEW_URL_STEP,
      ],
    },
    {
      id: 'rollup_error',
      status: 500,
      meaning: 'Something failed inside Slack; it is most likely not caused by the request.',
      steps: [
        {
          id: 'slack:error:rollup-error/send-test-request-again',
          text: 'Send one test request again in a few minutes; if it keeps failing, check status.slack.com.',
        },
      ],
    },
  ],
  steps: {
    'http:400': [
      {
        id: 'slack:http:400/read-word-response-body',
        text: 'Read the word in the response body (invalid_payload, no_text, ...): it says what Slack could not use.',
      },
      BODY_STEP,
    ],
    'http:403': [
      {
        id: 'slack:http:403/read-word-response-body',
        text: 'Read the word in the response body: action_prohibited means a workspace restriction, invalid_token a bad webhook URL.',
      },
      NEW_URL_STEP,
    ],
    'http:404': [
      {
        id: 'slack:http:404/read-word-response-body',
        text: 'Read the word in the response body: no_service means the webhook was removed or its app uninstalled, channel_not_found that the channel is gone.',
      },
      NEW_URL_STEP,
      SEND_TEST_STEP,
    ],
    'http:410': [
      {
        id: 'slack:http:410/channel-archived-unarchive-create',
        text: 'The channel was archived: unarchive it, or create a webhook for another channel and paste its URL into the ESP.',
      },
    ],
    'http:429': [
      {
        id: 'slack:http:429/slack-lets-incoming-webhook',
        text: 'Slack lets an incoming webhook post about one message per second (short bursts pass): send to this webhook more slowly, for example with a smaller audience per minute.',
      },
      { id: 'slack:http:429/wait-long-retry-after', text: 'Wait as long as the Retry-After header says before the next attempt.' },
    ],
    'credential:secret-belongs-in-url': [
      {
        id: 'slack:credential:secret-belongs-in-url/delete-authorization-header-slack',
        text: 'Delete the Authorization header: Slack reads the secret from the webhook URL and ignores headers.',
      },
    ],
    'credential:incomplete-webhook-url': [
      {
        id: 'slack:credential:incomplete-webhook-url/copy-webhook-url-again',
        text: 'Copy the webhook URL again, whole, from Slack: it ends with /services/T…/B…/ and a long secret.',
      },
    ],
    'json:missing-required-field': [BODY_STEP],
  },
  notes: {
    'http:400': 'Slack names the problem in the body with one word, such as invalid_payload or no_text.',
    'http:404':
      'At Slack, a 404 usually means the webhook itself is gone (no_service) or its channel is (channel_not_found); resending will not help.',
    'http:410': 'At Slack, 410 means the channel was archived (channel_is_archived).',
    'http:429': 'Slack lets each incoming webhook post about one message per second and answers 429 with a Retry-After header beyond that.',
  },
});

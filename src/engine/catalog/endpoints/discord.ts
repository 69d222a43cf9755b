// Discord webhooks (discord.com/api/webhooks/<id>/<token>): the token in the URL is the
// credential, the JSON body needs something to show, and rate limits are told in headers and in
// the body's retry_after.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { DISCORD_ERROR_CODES, DISCORD_EXECUTE_WEBHOOK, DISCORD_RATE_LIMITS } from '../sources';
import { defineReceiver } from './receiver';
import { urlMatcher } from './url';

const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com']);
const NEW_URL_STEP: AdviceStep = {
  id: 'discord/new-url',
  text: "In Discord, open the channel's settings, Integrations, Webhooks, copy the webhook URL (or create a new webhook) and paste it whole into the ESP.",
};
const BODY_STEP: AdviceStep = {
  id: 'discord/body',
  text: 'Send a JSON body with at least one of "content" (up to 2000 characters), "embeds", "components" or "poll".',
};

export const discord = defineReceiver({
  id: 'discord',
  name: 'Discord webhook',
  sources: [DISCORD_EXECUTE_WEBHOOK, DISCORD_RATE_LIMITS, DISCORD_ERROR_CODES],
  matches: urlMatcher((host) => DISCORD_HOSTS.has(host), /^\/api\/(?:v\d+\/)?webhooks\//),
  request: () => ({
    credential: {
      in: 'url',
      secretPath: /^\/api\/(?:v\d+\/)?webhooks\/\d+\/([A-Za-z0-9_-]{20,})(?:\/|$)/,
      placeholder: 'DISCORD_WEBHOOK_TOKEN',
      where: 'the last part of the webhook URL, from the channel settings in Discord (Integrations, Webhooks)',
      headerIgnored: true,
    },
    body: { format: 'json', anyOf: [['content', 'embeds', 'components', 'poll']], maxFieldLength: { content: 2000, username: 80 } },
  }),
  errors: [
    {
      id: 'Unknown Webhook',
      pattern: /\bUnknown Webhook\b|"code"\s*:\s*10015\b/i,
      status: 404,
      meaning: 'Discord does not know this webhook (code 10015): it was deleted, or the ID in the URL is wrong.',
      steps: [NEW_URL_STEP],
    },
    {
      id: 'Invalid Webhook Token',
      pattern: /\bInvalid Webhook Token\b|"code"\s*:\s*50027\b/i,
      status: 401,
      meaning: 'The token part of the webhook URL is wrong (code 50027), for example cut short or from another webhook.',
      steps: [NEW_URL_STEP],
    },
    {
      id: 'Cannot send an empty message',
      pattern: /\bCannot send an empty message\b|"code"\s*:\s*50006\b/i,
      status: 400,
      meaning: 'The body had nothing to post (code 50006): no content, embeds, components or poll, or they rendered empty.',
      steps: [
        BODY_STEP,
        {
          id: 'discord:error:cannot-send-an-empty-message/content-comes-template-tag',
          text: 'If the content comes from a template tag, check that it renders a value for the profile you test with.',
        },
      ],
    },
    {
      id: 'Invalid Form Body',
      pattern: /\bInvalid Form Body\b|"code"\s*:\s*50035\b/i,
      status: 400,
      meaning:
        'A field of the body breaks a rule, or the Content-Type is not one Discord reads (code 50035); the "errors" object in the answer names the field, such as content longer than 2000 characters.',
      steps: [
        {
          id: 'discord:error:invalid-form-body/read-errors-object-response',
          text: 'Read the "errors" object of the response: it names each field and the rule it breaks.',
        },
        { id: 'discord:error:invalid-form-body/set-content-type-header', text: 'Set the Content-Type header to application/json.' },
        BODY_STEP,
      ],
    },
    {
      id: 'The request body contains invalid JSON',
      pattern: /\bThe request body contains invalid JSON\b|"code"\s*:\s*50109\b/i,
      status: 400,
      meaning:
        'Discord could not parse the body as JSON (code 50109), often because a template tag left a quote or comma out once filled in.',
      steps: [
        {
          id: 'discord:error:the-request-body-contains-invalid-json/preview-rendered-body-esp',
          text: 'Preview the rendered body in the ESP and check that it is valid JSON for the profile you test with.',
        },
        BODY_STEP,
      ],
    },
    {
      id: 'must have a thread_name or thread_id',
      pattern: /\bmust have a thread_name or thread_id\b|"code"\s*:\s*220001\b/i,
      status: 400,
      meaning: 'The webhook posts to a forum channel, where every message must start a thread or go into one (code 220001).',
      steps: [
        {
          id: 'discord:error:must-have-a-thread-name-or-thread-id/add-thread-name-body',
          text: 'Add "thread_name" to the body to start a new post, or ?thread_id=<id> to the URL to reply in an existing one.',
        },
      ],
    },
    {
      id: 'Request entity too large',
      pattern: /\bRequest entity too large\b|"code"\s*:\s*40005\b/i,
      status: 413,
      meaning: 'The request is larger than Discord takes (code 40005), usually because of attached files or many embeds.',
      steps: [
        {
          id: 'discord:error:request-entity-too-large/send-less-per-message',
          text: 'Send less per message: at most 10 embeds, content within 2000 characters, smaller files.',
        },
      ],
    },
    {
      id: 'You are being rate limited',
      pattern: /\bYou are being rate limited\b/i,
      status: 429,
      meaning: 'Discord is rate limiting this webhook; retry_after in the body says how many seconds to wait.',
      steps: [
        {
          id: 'discord:error:you-are-being-rate-limited/wait-number-seconds-retry',
          text: 'Wait the number of seconds in retry_after (or the Retry-After header) before sending again, and send to this webhook more slowly.',
        },
      ],
    },
  ],
  steps: {
    'http:400': [
      {
        id: 'discord:http:400/read-json-response-code',
        text: 'Read the JSON response: "code" and "errors" name the field Discord refused.',
      },
      BODY_STEP,
      {
        id: 'discord:http:400/while-testing-add-wait',
        text: 'While testing, add ?wait=true to the URL: Discord then answers only once the message is saved, and reports a message it could not save (without it, such a message fails silently).',
      },
    ],
    'http:401': [
      {
        id: 'discord:http:401/token-webhook-url-wrong',
        text: 'The token in the webhook URL is wrong: ' + NEW_URL_STEP.text.charAt(0).toLowerCase() + NEW_URL_STEP.text.slice(1),
      },
    ],
    'http:404': [
      {
        id: 'discord:http:404/webhook-deleted-url-wrong',
        text: 'The webhook was deleted or the URL is wrong (Unknown Webhook, code 10015).',
      },
      NEW_URL_STEP,
      SEND_TEST_STEP,
    ],
    'http:429': [
      {
        id: 'discord:http:429/read-retry-after-discord',
        text: "Read retry_after in Discord's JSON answer (seconds) or the Retry-After header, and wait that long before the next attempt.",
      },
      {
        id: 'discord:http:429/send-webhook-slowly-x',
        text: 'Send to this webhook more slowly: the X-RateLimit-Remaining and X-RateLimit-Reset-After headers tell how much room is left.',
      },
      {
        id: 'discord:http:429/stop-failing-requests-quickly',
        text: "Stop failing requests quickly: Discord temporarily blocks senders that make too many invalid requests (401, 403 or 429) in ten minutes, and an ESP's shared sending addresses count together.",
      },
    ],
    'credential:secret-belongs-in-url': [
      {
        id: 'discord:credential:secret-belongs-in-url/delete-authorization-header-discord',
        text: 'Delete the Authorization header: a Discord webhook takes its token from the URL, not from a header.',
      },
    ],
    'credential:incomplete-webhook-url': [
      {
        id: 'discord:credential:incomplete-webhook-url/copy-webhook-url-again',
        text: 'Copy the webhook URL again, whole: it ends with /api/webhooks/, a number, a slash and a long token.',
      },
    ],
    'json:missing-required-field': [BODY_STEP],
    'json:body-too-large': [
      {
        id: 'discord:json:body-too-large/keep-content-within-2000',
        text: 'Keep "content" within 2000 characters (put longer text in an embed description) and "username" within 80.',
      },
    ],
  },
  notes: {
    'http:401': 'At Discord, 401 on a webhook means the token in its URL is wrong (Invalid Webhook Token).',
    'http:404': 'At Discord, 404 on a webhook means it no longer exists (Unknown Webhook); retries will not bring it back.',
    'http:429':
      'Discord answers 429 with a JSON body whose retry_after says how many seconds to wait, and a "global" flag when the limit covers every route.',
  },
});

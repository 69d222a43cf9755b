// Zapier webhooks: Catch Hooks (hooks.zapier.com/hooks/catch/<user>/<secret>/) that a user pastes
// into an ESP, and subscription URLs (/hooks/standard/...) that apps register. The URL is the secret.
// Zapier documents 410 for subscription URLs whose Zap is off or deleted (zapier/visual-builder#619).
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { ZAPIER_CATCH_HOOKS, ZAPIER_REST_HOOKS } from '../sources';
import { defineReceiver } from './receiver';
import { urlMatcher } from './url';

const NEW_URL_STEP: AdviceStep = {
  id: 'zapier/new-url',
  text: 'In Zapier, open the Zap, click its Webhooks by Zapier trigger, copy the webhook URL shown there and paste it whole into the ESP.',
};

export const zapier = defineReceiver({
  id: 'zapier',
  name: 'Zapier webhook',
  sources: [ZAPIER_CATCH_HOOKS, ZAPIER_REST_HOOKS],
  matches: urlMatcher((host) => host === 'hooks.zapier.com', /^\/hooks\//),
  request: () => ({
    credential: {
      in: 'url',
      secretPath: /^\/hooks\/(?:catch|standard)\/\d+\/([A-Za-z0-9-]{5,})(?:\/|$)/,
      placeholder: 'ZAPIER_HOOK_SECRET',
      where: "the last part of the webhook URL, shown in the Zap's Webhooks by Zapier trigger step",
      headerIgnored: false,
    },
  }),
  steps: {
    'http:404': [
      {
        id: 'zapier:http:404/hook-url-longer-valid',
        text: 'The hook URL is not (or no longer) valid: if the Zap changed owner, its webhook URL changed too.',
      },
      NEW_URL_STEP,
      SEND_TEST_STEP,
    ],
    'http:410': [
      {
        id: 'zapier:http:410/zap-behind-subscription-url',
        text: "The Zap behind this subscription URL was turned off or deleted: turn it on again in Zapier (the app's connection then subscribes anew).",
      },
      {
        id: 'zapier:http:410/zap-deleted-build-again',
        text: 'If the Zap was deleted, build it again and paste its new webhook URL into the ESP: a deleted URL never comes back.',
      },
    ],
    'http:3xx': [
      {
        id: 'zapier:http:3xx/paste-hooks-zapier-com',
        text: 'Paste the hooks.zapier.com URL exactly as Zapier shows it: Zapier does not redirect webhook requests to another address.',
      },
    ],
    'http:429': [
      {
        id: 'zapier:http:429/zapier-throttling-hook-because',
        text: 'Zapier is throttling this hook because too many requests arrived together: send to it more slowly or spread the audience over more time.',
      },
    ],
    'credential:incomplete-webhook-url': [
      {
        id: 'zapier:credential:incomplete-webhook-url/copy-webhook-url-again',
        text: 'Copy the webhook URL again, whole, from the Zap trigger: it ends with /hooks/catch/, a number and a secret part.',
      },
    ],
  },
  notes: {
    'http:410':
      "Zapier answers 410 on a Zap's subscription URL (hooks/standard) once the Zap is turned off or deleted; retrying will not help until it is on again.",
    'http:404':
      'A Catch Hook can accept requests while its Zap is off, so a 200 elsewhere does not prove the Zap ran: check the Zap history.',
    'http:429': 'Zapier throttles webhooks that receive bursts of requests and answers 429.',
  },
});

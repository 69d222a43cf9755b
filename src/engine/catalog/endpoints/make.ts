// Make (formerly Integromat) custom webhooks (hook.<zone>.make.com/<token>): the URL is the
// secret, each scenario has its own webhook, and a scheduled scenario queues what arrives.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { MAKE_WEBHOOKS } from '../sources';
import { defineReceiver } from './receiver';
import { urlMatcher } from './url';

const CHECK_WEBHOOK_STEP: AdviceStep = {
  id: 'make/check-webhook',
  text: 'In Make, open Webhooks in the left menu: check that the webhook still exists and that the scenario using it is on (each scenario has its own webhook).',
};
const NEW_URL_STEP: AdviceStep = {
  id: 'make/new-url',
  text: "Copy the webhook's address again from the scenario's Custom webhook module and paste it whole into the ESP.",
};

export const make = defineReceiver({
  id: 'make',
  name: 'Make custom webhook',
  sources: [MAKE_WEBHOOKS],
  matches: urlMatcher(
    (host) => /^hook(?:\.[a-z0-9-]+)?\.(?:make\.com|integromat\.com)$/.test(host) || /^hook\.[a-z0-9-]+\.make\.celonis\.com$/.test(host),
  ),
  request: () => ({
    credential: {
      in: 'url',
      secretPath: /^\/([a-z0-9]{20,})\/?$/,
      placeholder: 'MAKE_WEBHOOK_TOKEN',
      where: "the part after the host in the webhook address, from the scenario's Custom webhook module",
      headerIgnored: false,
    },
  }),
  steps: {
    'http:4xx': [CHECK_WEBHOOK_STEP, NEW_URL_STEP, SEND_TEST_STEP],
    'http:5xx': [
      {
        id: 'make:http:5xx/open-scenario-history-make',
        text: "Open the scenario's History in Make: a run that failed after the webhook accepted the data shows there.",
      },
    ],
    'credential:incomplete-webhook-url': [NEW_URL_STEP],
  },
  notes: {
    'http:4xx':
      'A Make webhook address belongs to one scenario: a deleted webhook, or an address copied from another scenario, does not reach yours.',
  },
});

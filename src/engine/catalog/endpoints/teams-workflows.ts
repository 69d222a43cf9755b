// Microsoft Teams webhooks: Workflows ("Post to a channel when a webhook request is received",
// on logic.azure.com or a Power Platform environment host) whose URL carries its signature in
// sig=, and the retired Office 365 connector URLs (webhook.office.com) that no longer post.
import { SEND_TEST_STEP } from '../common-steps';
import { TEAMS_CONNECTORS_RETIREMENT, TEAMS_INCOMING_WEBHOOKS } from '../sources';
import { defineReceiver } from './receiver';
import { hostUnder, urlMatcher } from './url';

const WORKFLOW_HOSTS = (host: string) =>
  hostUnder(host, 'logic.azure.com') || hostUnder(host, 'environment.api.powerplatform.com') || hostUnder(host, 'webhook.office.com');
const NEW_WORKFLOW_STEP =
  'In Teams, open the channel, Workflows, and create one from the template "Post to a channel when a webhook request is received"; paste its whole URL into the ESP.';
const CARD_STEP =
  'Send an Adaptive Card the way the template expects it: {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": { ...card... }}]}.';

export const teamsWorkflows = defineReceiver({
  id: 'teams-workflows',
  name: 'Microsoft Teams workflow webhook',
  sources: [TEAMS_INCOMING_WEBHOOKS, TEAMS_CONNECTORS_RETIREMENT],
  matches: urlMatcher(WORKFLOW_HOSTS),
  request: (url) =>
    /webhook\.office\.com/i.test(url)
      ? undefined
      : {
          credential: {
            in: 'url',
            secretQuery: 'sig',
            placeholder: 'TEAMS_WORKFLOW_SIG',
            where: "the sig= value at the end of the workflow's webhook URL (Teams, Workflows, the flow's trigger)",
            headerIgnored: true,
          },
          body: { format: 'json', anyOf: [['attachments']] },
        },
  steps: {
    'http:400': [CARD_STEP, "Open the workflow's run history in Teams (Workflows, Manage): a failed run names the step and the field it could not read."],
    'http:401': ['The URL lost its signature: copy the whole workflow URL again, sig= and everything after the question mark included.', NEW_WORKFLOW_STEP],
    'http:403': ['Office 365 connector URLs (webhook.office.com) no longer post to Teams: move this webhook to a workflow.', NEW_WORKFLOW_STEP],
    'http:404': ['The workflow was deleted or turned off, or the URL is incomplete.', NEW_WORKFLOW_STEP, SEND_TEST_STEP],
    'http:410': ['Office 365 connector URLs (webhook.office.com) no longer post to Teams: move this webhook to a workflow.', NEW_WORKFLOW_STEP],
    'http:429': ['Send to this workflow more slowly: Power Automate throttles flows that are triggered too often.'],
    'credential:incomplete-webhook-url': ['Copy the whole workflow URL again: it ends with a query holding api-version, sp, sv and sig.'],
    'credential:secret-belongs-in-url': ['Delete the credential header: a Teams workflow URL carries its authorization in its sig= value.'],
    'json:missing-required-field': [CARD_STEP],
  },
  notes: {
    'http:403': 'Microsoft retired the Office 365 connectors in Teams; their webhook.office.com URLs stop posting.',
    'http:410': 'Microsoft retired the Office 365 connectors in Teams; their webhook.office.com URLs stop posting.',
    'http:400': 'A Teams workflow accepts the request first and runs later, so a bad card often shows only in the run history, not in the ESP.',
  },
});

// Microsoft Teams webhooks: Workflows ("Post to a channel when a webhook request is received",
// on logic.azure.com or a Power Platform environment host) whose URL carries its signature in
// sig=, and webhook.office.com URLs, which the retired Office 365 connectors used.
// Workflows take Adaptive Cards in "attachments" and, since late 2024, the connectors' MessageCard
// too (without buttons); a trigger open to Anyone fails when a token header is sent.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { TEAMS_CONNECTORS_RETIREMENT, TEAMS_INCOMING_WEBHOOKS, TEAMS_WEBHOOK_TRIGGER } from '../sources';
import { defineReceiver } from './receiver';
import { hostUnder, urlMatcher } from './url';

const WORKFLOW_HOSTS = (host: string) =>
  hostUnder(host, 'logic.azure.com') || hostUnder(host, 'environment.api.powerplatform.com') || hostUnder(host, 'webhook.office.com');
const NEW_WORKFLOW_STEP: AdviceStep = {
  id: 'teams-workflows/new-workflow',
  text: 'In Teams, open the channel, Workflows, and create one from the template "Post to a channel when a webhook request is received"; paste its whole URL into the ESP.',
};
const CARD_STEP: AdviceStep = {
  id: 'teams-workflows/card',
  text: 'Send an Adaptive Card the way the template expects it: {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": { ...card... }}]}; a MessageCard also posts, but without its buttons.',
};
const CONNECTOR_STEP: AdviceStep = {
  id: 'teams-workflows/connector',
  text: 'If this webhook.office.com URL came from the Connectors menu (an Office 365 connector), Microsoft has retired it: move the webhook to a workflow.',
};

export const teamsWorkflows = defineReceiver({
  id: 'teams-workflows',
  name: 'Microsoft Teams workflow webhook',
  sources: [TEAMS_INCOMING_WEBHOOKS, TEAMS_WEBHOOK_TRIGGER, TEAMS_CONNECTORS_RETIREMENT],
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
          // An Adaptive Card in attachments, or a MessageCard (text or sections); 28 KB at most.
          body: { format: 'json', anyOf: [['attachments', 'text', 'sections']], maxBytes: 28 * 1024 },
        },
  steps: {
    'http:400': [
      CARD_STEP,
      {
        id: 'teams-workflows:http:400/open-workflow-run-history',
        text: "Open the workflow's run history in Teams (Workflows, Manage): a failed run names the step and the field it could not read.",
      },
    ],
    'http:401': [
      {
        id: 'teams-workflows:http:401/url-lost-signature-copy',
        text: 'The URL lost its signature: copy the whole workflow URL again, sig= and everything after the question mark included.',
      },
      NEW_WORKFLOW_STEP,
    ],
    'http:403': [
      {
        id: 'teams-workflows:http:403/workflow-trigger-open-anyone',
        text: "If the workflow's trigger is open to Anyone, delete the Authorization header: the trigger refuses calls that carry a token.",
      },
      CONNECTOR_STEP,
      NEW_WORKFLOW_STEP,
    ],
    'http:404': [
      {
        id: 'teams-workflows:http:404/workflow-deleted-turned-off',
        text: 'The workflow was deleted or turned off, or the URL is incomplete.',
      },
      NEW_WORKFLOW_STEP,
      SEND_TEST_STEP,
    ],
    'http:410': [CONNECTOR_STEP, NEW_WORKFLOW_STEP],
    'http:413': [
      {
        id: 'teams-workflows:http:413/keep-message-under-28',
        text: 'Keep the message under 28 KB: shorten the card or leave out long lists.',
      },
    ],
    'http:429': [
      {
        id: 'teams-workflows:http:429/send-webhook-slowly-microsoft',
        text: 'Send to this webhook more slowly: Microsoft throttles a Teams webhook that gets more than about four requests a second; wait and retry with growing pauses.',
      },
    ],
    'credential:incomplete-webhook-url': [
      {
        id: 'teams-workflows:credential:incomplete-webhook-url/copy-whole-workflow-url',
        text: 'Copy the whole workflow URL again: it ends with a query holding api-version, sp, sv and sig.',
      },
    ],
    'credential:secret-belongs-in-url': [
      {
        id: 'teams-workflows:credential:secret-belongs-in-url/delete-credential-header-teams',
        text: 'Delete the credential header: a Teams workflow URL carries its authorization in its sig= value, and a trigger open to Anyone fails calls that send a token.',
      },
    ],
    'json:body-too-large': [
      {
        id: 'teams-workflows:json:body-too-large/keep-message-under-28',
        text: 'Keep the message under 28 KB: shorten the card or leave out long lists.',
      },
    ],
    'json:missing-required-field': [CARD_STEP],
  },
  notes: {
    'http:403':
      'A Teams workflow whose trigger is open to Anyone refuses calls that carry a token header; Office 365 connector URLs stop posting once retired.',
    'http:410': 'Microsoft retired the Office 365 connectors in Teams; their URLs stop posting.',
    'http:429': 'Microsoft throttles a Teams webhook above about four requests a second.',
    'http:400':
      'A Teams workflow accepts the request first and runs later, so a bad card often shows only in the run history, not in the ESP.',
  },
});

// Google Apps Script web apps (script.google.com/macros/s/<deployment>/exec). Every answer comes
// back as a 302 to a one-time script.googleusercontent.com address: senders that do not follow
// redirects (Braze) log a failure although the script ran.
import type { AdviceStep } from '../types';
import { APPS_SCRIPT_CONTENT_SERVICE, APPS_SCRIPT_DEPLOYMENTS, APPS_SCRIPT_WEB_APPS } from '../sources';
import { defineReceiver } from './receiver';
import { hostAndPath, urlMatcher } from './url';

const DEV_URL = /\/macros\/s\/[^/]+\/dev\b/;
const EXEC_URL =
  'the web app URL ending in /exec (Deploy, Manage deployments): the /dev URL only answers people signed in with access to the script';

const REDIRECT_STEPS: readonly AdviceStep[] = [
  {
    id: 'apps-script:http:302/do-resend-script-already',
    text: 'Do not resend: the script already ran when it answered 302. Check its Executions page in Apps Script to confirm.',
  },
  {
    id: 'apps-script:http:302/esp-does-follow-redirects',
    text: 'An ESP that does not follow redirects (Braze does not) will keep logging these as failures: put a small relay in between that answers 200 itself, or call a receiver that does not redirect.',
  },
  { id: 'apps-script:http:302/esp-can-follow-redirects', text: 'If your ESP can follow redirects, turn that on for this webhook.' },
  {
    id: 'apps-script:http:302/do-paste-script-googleusercontent',
    text: 'Do not paste the script.googleusercontent.com address from the Location header into the ESP: it is made for one answer only.',
  },
];

export const appsScript = defineReceiver({
  id: 'apps-script',
  name: 'Google Apps Script web app',
  sources: [APPS_SCRIPT_CONTENT_SERVICE, APPS_SCRIPT_WEB_APPS, APPS_SCRIPT_DEPLOYMENTS],
  matches: urlMatcher((host) => host === 'script.google.com', /^\/(?:a\/(?:macros\/)?[^/]+\/)?macros\/s\/[^/]+\/(?:exec|dev)\b/),
  request: (url) => ({
    credential: {
      in: 'url',
      secretPath: /\/macros\/s\/([A-Za-z0-9_-]{10,})\/(?:exec|dev)\b/,
      placeholder: 'APPS_SCRIPT_DEPLOYMENT_ID',
      where: 'the deployment ID in the web app URL (Deploy, Manage deployments in the Apps Script editor)',
      headerIgnored: false,
    },
    // The /dev URL runs the head deployment, which only people with access to the project may call.
    ...(DEV_URL.test(hostAndPath(url)?.path ?? '') ? { unusableUrl: EXEC_URL } : {}),
  }),
  failingRedirects: [302],
  steps: {
    'http:302': REDIRECT_STEPS,
    'http:401': [
      {
        id: 'apps-script:http:401/deploy-web-app-access',
        text: 'Deploy the web app with access set to Anyone: other settings ask for a Google sign-in, which a webhook cannot do.',
      },
      {
        id: 'apps-script:http:401/use-exec-url-deployment',
        text: 'Use the /exec URL of a deployment: the /dev URL only works for people who can edit the script.',
      },
    ],
    'http:403': [
      {
        id: 'apps-script:http:403/deploy-web-app-access',
        text: 'Deploy the web app with access set to Anyone: other settings ask for a Google sign-in, which a webhook cannot do.',
      },
      {
        id: 'apps-script:http:403/use-exec-url-deployment',
        text: 'Use the /exec URL of a deployment: the /dev URL only works for people who can edit the script.',
      },
    ],
    'http:404': [
      {
        id: 'apps-script:http:404/check-deployment-id-url',
        text: 'Check the deployment ID in the URL against Deploy, Manage deployments: an archived or deleted deployment stops answering.',
      },
      {
        id: 'apps-script:http:404/after-changing-script-deploy',
        text: 'After changing the script, deploy a new version (or edit the deployment) so the /exec URL serves it.',
      },
    ],
    'credential:unusable-webhook-url': [
      {
        id: 'apps-script:credential:unusable-webhook-url/replace-dev-url-exec',
        text: 'Replace the /dev URL with the /exec URL of a versioned deployment (Deploy, Manage deployments): /dev runs the latest saved code for people with access to the script only.',
      },
      {
        id: 'apps-script:credential:unusable-webhook-url/deploy-version-access-set',
        text: 'Deploy that version with access set to Anyone, so a webhook can call it without a Google sign-in.',
      },
    ],
    'http:5xx': [
      {
        id: 'apps-script:http:5xx/open-script-executions-page',
        text: "Open the script's Executions page: an error thrown in doPost shows there with its line.",
      },
      {
        id: 'apps-script:http:5xx/check-script-defines-dopost',
        text: 'Check that the script defines doPost and returns output (for example ContentService.createTextOutput).',
      },
    ],
  },
  notes: {
    'http:302':
      'Apps Script never answers a web app request directly: it redirects to a one-time address on script.googleusercontent.com, so a 302 here is the normal answer and the script has already run.',
    'http:401': 'Apps Script asks for a Google sign-in when the web app is not deployed for Anyone.',
    'http:403': 'Apps Script refuses anonymous callers when the web app is not deployed for Anyone.',
  },
});

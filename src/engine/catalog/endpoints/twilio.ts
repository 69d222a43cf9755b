// Twilio's Messages API (api.twilio.com/2010-04-01/Accounts/AC…/Messages.json): Basic auth with
// an Account SID or API key, a form-encoded body (not JSON), and numbered errors in the JSON answer.
import type { AdviceStep } from '../types';
import { SEND_TEST_STEP } from '../common-steps';
import { TWILIO_ERROR_CODES, TWILIO_MESSAGE_RESOURCE, TWILIO_REQUESTS, twilioErrorPage } from '../sources';
import { defineReceiver, type DocumentedErrorData } from './receiver';
import { urlMatcher } from './url';

const FORM_STEP: AdviceStep = {
  id: 'twilio/form',
  text: 'Send the body form-encoded (To=...&From=...&Body=...) with Content-Type application/x-www-form-urlencoded: the Messages API does not read JSON.',
};
const AUTH_STEP: AdviceStep = {
  id: 'twilio/auth',
  text: 'Set Authorization to Basic and the base64 of AccountSid:AuthToken (or ApiKeySid:ApiKeySecret), from the Twilio Console.',
};

function twilioError(code: number, status: number, meaning: string, steps: readonly AdviceStep[]): DocumentedErrorData {
  return {
    id: String(code),
    pattern: new RegExp(`(?:"code"\\s*:\\s*|\\berror\\s*(?:code\\s*)?:?\\s*|/errors/)${code}\\b`, 'i'),
    status,
    meaning,
    steps,
    source: twilioErrorPage(code),
  };
}

export const twilio = defineReceiver({
  id: 'twilio',
  name: 'Twilio Messages API',
  sources: [TWILIO_MESSAGE_RESOURCE, TWILIO_REQUESTS, TWILIO_ERROR_CODES],
  matches: urlMatcher((host) => host === 'api.twilio.com', /^\/2010-04-01\/Accounts\//),
  request: (url) =>
    /\/Messages(?:\.json)?\/?$/i.test(url.replace(/[?#].*$/, '').trim())
      ? {
          credential: {
            in: 'header',
            header: 'Authorization',
            scheme: 'Basic',
            placeholder: 'TWILIO_BASIC_AUTH',
            where: 'base64 of AccountSid:AuthToken (or ApiKeySid:ApiKeySecret) from the Twilio Console',
            basicUser: /^(?:AC|SK)[0-9a-fA-F]{32}$/,
            expected: 'an Account SID (AC…) or API Key SID (SK…) as the user name, with its Auth Token or secret as the password',
          },
          body: {
            format: 'form',
            anyOf: [['To'], ['From', 'MessagingServiceSid'], ['Body', 'MediaUrl', 'ContentSid']],
            maxFieldLength: { Body: 1600 },
          },
        }
      : undefined,
  errors: [
    twilioError(
      20003,
      401,
      'Twilio refused the credentials (error 20003, Permission Denied): the Account SID and Auth Token (or API key and secret) do not match, test credentials were sent to the live account, the token or key was deleted, or extra spaces crept in.',
      [
        AUTH_STEP,
        {
          id: 'twilio:error:20003/paste-values-again-without',
          text: 'Paste the values again without spaces; after rotating the Auth Token, update every webhook that uses it.',
        },
      ],
    ),
    twilioError(
      21604,
      400,
      'The To parameter is missing (error 21604), often because the body was sent as JSON, which Twilio does not read.',
      [FORM_STEP],
    ),
    twilioError(21603, 400, 'The From parameter is missing (error 21603): give a From number or a MessagingServiceSid.', [FORM_STEP]),
    twilioError(21602, 400, 'The message has no Body (error 21602), and no MediaUrl or ContentSid either.', [FORM_STEP]),
    twilioError(21608, 400, 'A trial account may only send to numbers verified in the Console (error 21608), and this one is not.', [
      {
        id: 'twilio:error:21608/verify-number-under-phone',
        text: 'Verify the number under Phone Numbers, Verified Caller IDs, or upgrade the account to send to anyone.',
      },
    ]),
    twilioError(21211, 400, 'The To number is not a valid phone number (error 21211); Twilio expects E.164, such as +14155552671.', [
      {
        id: 'twilio:error:21211/check-phone-property-profile',
        text: 'Check that the phone property of the profile is stored in E.164 form (+, country code, number).',
      },
    ]),
    twilioError(21610, 400, 'The recipient replied STOP to this sender (error 21610), so Twilio will not send to them.', [
      {
        id: 'twilio:error:21610/remove-profile-sms-audience',
        text: 'Remove the profile from this SMS audience; only the recipient can opt in again by replying START.',
      },
    ]),
    twilioError(
      20429,
      429,
      'The account had too many requests open at once (error 20429); Twilio did not process this one, so retrying it is safe.',
      [
        {
          id: 'twilio:error:20429/send-webhook-slowly-retries',
          text: 'Send to this webhook more slowly; retries with growing pauses get through once fewer requests are open.',
        },
      ],
    ),
  ],
  steps: {
    'http:400': [
      {
        id: 'twilio:http:400/read-code-twilio-json',
        text: 'Read "code" in Twilio\'s JSON answer and look it up in Twilio\'s error dictionary.',
      },
      FORM_STEP,
    ],
    'http:401': [AUTH_STEP, SEND_TEST_STEP],
    'http:404': [
      {
        id: 'twilio:http:404/check-account-sid-url',
        text: 'Check the Account SID in the URL: it must be the account (AC…) that the credentials belong to.',
      },
    ],
    'http:429': [
      {
        id: 'twilio:http:429/send-webhook-slowly-twilio',
        text: 'Send to this webhook more slowly: Twilio limits how many requests an account may have open at once (error 20429).',
      },
    ],
    'json:wrong-body-format': [FORM_STEP],
    'json:missing-required-field': [
      {
        id: 'twilio:json:missing-required-field/message-needs-messagingservicesid-body',
        text: 'A message needs To, then From or MessagingServiceSid, then Body, MediaUrl or ContentSid.',
      },
      FORM_STEP,
    ],
    'credential:wrong-auth-scheme': [AUTH_STEP],
    'credential:basic-wrong-user': [AUTH_STEP],
    'json:body-too-large': [
      { id: 'twilio:json:body-too-large/keep-body-within-1600', text: 'Keep Body within 1600 characters: Twilio refuses longer messages.' },
    ],
  },
  notes: {
    'http:400': 'Twilio puts a numbered error in its JSON answer ("code": 21604 and a link under more_info).',
    'http:401': 'Twilio takes only Basic auth: an Account SID or API key SID as user name and its secret as password.',
  },
});

// Segment's HTTP Tracking API (api.segment.io/v1/track, identify, ...): Basic auth with the
// source's write key, JSON only, and a 200 for nearly everything, including events it drops.
import type { AdviceStep } from '../types';
import { SEGMENT_HTTP_API, SEGMENT_OAUTH } from '../sources';
import type { RequestRules } from '../types';
import { defineReceiver } from './receiver';
import { hostAndPath, urlMatcher } from './url';

const SEGMENT_HOSTS = new Set(['api.segment.io', 'events.eu1.segmentapis.com']);
const WRITE_KEY_STEP: AdviceStep = {
  id: 'segment/write-key',
  text: "Set Authorization to Basic and the base64 of the source's Write Key followed by a colon (the password stays empty); the key is under the source's Settings, API Keys.",
};
const DEBUGGER_STEP: AdviceStep = {
  id: 'segment/debugger',
  text: "Open the source's Debugger in Segment: an event it refuses still got a 200, and only the Debugger shows it.",
};

function requestRules(url: string): RequestRules {
  const call = /^\/v1\/(\w+)/.exec(hostAndPath(url)?.path ?? '')?.[1] ?? '';
  const anyOf: string[][] = call === 'batch' || call === 'import' ? [['batch']] : [['userId', 'anonymousId']];
  if (call === 'track') anyOf.push(['event']);
  return {
    credential: {
      in: 'header',
      header: 'Authorization',
      scheme: 'Basic',
      placeholder: 'SEGMENT_WRITE_KEY_BASIC',
      where: "base64 of the source's Write Key followed by a colon (Segment, the source's Settings, API Keys)",
      expected: "the source's Write Key as the user name and an empty password",
    },
    body: { format: 'json', anyOf, maxBytes: call === 'batch' || call === 'import' ? 500 * 1024 : 32 * 1024 },
  };
}

export const segment = defineReceiver({
  id: 'segment',
  name: 'Segment HTTP Tracking API',
  sources: [SEGMENT_HTTP_API, SEGMENT_OAUTH],
  matches: urlMatcher((host) => SEGMENT_HOSTS.has(host), /^\/v1\//),
  request: requestRules,
  steps: {
    'http:400': [
      {
        id: 'segment:http:400/keep-call-under-32',
        text: 'Keep each call under 32 KB (a batch under 500 KB): Segment refuses larger ones with 400.',
      },
      {
        id: 'segment:http:400/check-body-valid-json',
        text: 'Check that the body is valid JSON and the Content-Type header is application/json.',
      },
    ],
    'http:401': [WRITE_KEY_STEP],
    'credential:wrong-auth-scheme': [
      WRITE_KEY_STEP,
      {
        id: 'segment:credential:wrong-auth-scheme/bearer-works-access-token',
        text: 'Bearer works only with an access token from a Segment OAuth app, which expires and which an ESP cannot renew by itself; the write key never goes after Bearer.',
      },
    ],
    'credential:malformed-basic': [WRITE_KEY_STEP],
    'json:body-too-large': [
      {
        id: 'segment:json:body-too-large/keep-call-under-32',
        text: 'Keep each call under 32 KB (a batch under 500 KB): send fewer properties or split the batch.',
      },
    ],
    'json:missing-required-field': [
      {
        id: 'segment:json:missing-required-field/call-needs-userid-anonymousid',
        text: 'Every call needs a userId or an anonymousId, and a track call an event name.',
      },
      DEBUGGER_STEP,
      {
        id: 'segment:json:missing-required-field/workspace-eu-region-must',
        text: 'A workspace in the EU region must send to events.eu1.segmentapis.com: events sent to api.segment.io get a 200 but never appear.',
      },
    ],
  },
  notes: {
    'http:400':
      'Segment answers 400 only for bodies that are too large (32 KB per call) or not valid JSON; it answers 200 even to events it drops later (no user ID, no event name, wrong region).',
    'json:missing-required-field':
      'Segment answers 200 even to events it drops for a missing user ID or event name, so the ESP shows no error.',
  },
});

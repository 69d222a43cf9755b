// Network failures: no HTTP answer came back at all (ESPs show Go-style error strings for these).
import type { ProblemData } from '../types';
import { CHECK_STATUS_PAGE_STEP, LOWER_SEND_RATE_STEP, REPORT_TO_RECEIVER_STEP, WAIT_FOR_RETRIES_STEP } from '../common-steps';
import { CUSTOMERIO_REPORTING_WEBHOOKS, CUSTOMERIO_WEBHOOK_ACTION } from '../../../providers/customerio/sources';
import { BRAZE_CREATING_WEBHOOK } from '../../../providers/braze/sources';
import { HUBSPOT_WORKFLOW_WEBHOOKS } from '../../../providers/hubspot/sources';

const NETWORK_SOURCES = [CUSTOMERIO_WEBHOOK_ACTION, CUSTOMERIO_REPORTING_WEBHOOKS];

export const NETWORK_PROBLEMS: readonly ProblemData[] = [
  {
    id: 'connection-refused',
    kind: 'network',
    title: 'Connection refused',
    short: 'connection refused',
    meaning:
      "The receiver's machine answered but refused the connection: nothing listens at that address and port, the service is down, or a firewall rejects the sender.",
    side: 'receiver',
    steps: [
      {
        id: 'network:connection-refused/check-host-port-webhook',
        text: 'Check the host and port in the webhook URL: a typo or an extra port (such as :8080) points at a machine where the API does not listen.',
      },
      { id: 'network:connection-refused/check-url-starts-https', text: 'Check the URL starts with https:// when the receiver expects it.' },
      CHECK_STATUS_PAGE_STEP,
      {
        id: 'network:connection-refused/ask-receiver-owner-service',
        text: "Ask the receiver's owner whether the service is up and whether a firewall blocks your ESP's sending addresses.",
      },
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'connection-reset',
    kind: 'network',
    title: 'Connection reset',
    short: 'connection reset',
    meaning:
      'The connection was cut off in the middle of the exchange by the receiver, a proxy or a firewall, often under heavy load or when a security filter dropped the request.',
    side: 'network',
    steps: [
      {
        id: 'network:connection-reset/check-happens-row-during',
        text: 'Check whether it happens on every row or only during large sends; if only during large sends, lower the sending speed.',
      },
      {
        id: 'network:connection-reset/ask-receiver-owner-firewall',
        text: "Ask the receiver's owner whether a firewall, security filter or load balancer drops your ESP's requests; give them the time and the URL.",
      },
      { id: 'network:connection-reset/check-request-body-unusually', text: 'Check that the request body is not unusually large.' },
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'connection-failed',
    kind: 'network',
    title: 'Could not connect',
    short: 'could not connect',
    meaning:
      'The sender could not open a connection to the receiver and the message does not say why (a refusal, a timeout, a name that does not resolve): the receiver got nothing.',
    side: 'network',
    steps: [
      {
        id: 'network:connection-failed/check-host-port-scheme',
        text: "Check the host, port and scheme in the webhook URL against the receiver's docs; open https:// followed by the host name in your browser.",
      },
      {
        id: 'network:connection-failed/look-precise-error-same',
        text: 'Look for a more precise error in the same log (refused, timed out, no such host, certificate) and follow its fixes.',
      },
      CHECK_STATUS_PAGE_STEP,
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'dns-failure',
    kind: 'network',
    title: 'Host name not found',
    short: 'host not found',
    meaning:
      'The sender could not look up the host name in the webhook URL ("no such host", "server misbehaving"): the name is misspelt, does not exist, or its DNS is broken for the moment.',
    side: 'request',
    steps: [
      {
        id: 'network:dns-failure/compare-host-name-webhook',
        text: "Compare the host name in the webhook URL letter by letter with the receiver's docs (for example api.example.com rather than app.example.com).",
      },
      {
        id: 'network:dns-failure/look-spaces-missing-dot',
        text: 'Look for spaces, a missing dot, or a personalization tag inside the host name.',
      },
      {
        id: 'network:dns-failure/open-https-followed-host',
        text: 'Open https:// followed by the host name in your browser: if the site "can\'t be found", the name is wrong or its DNS is down.',
      },
      {
        id: 'network:dns-failure/name-right-tell-receiver',
        text: "If the name is right, tell the receiver's owner that their host name does not resolve, with the time.",
      },
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'tls-certificate',
    kind: 'network',
    title: 'Certificate not trusted',
    short: 'bad certificate',
    meaning:
      "The receiver's HTTPS certificate could not be verified (an x509 error): it is expired, self-signed, issued for another host name, or served without its intermediate certificate.",
    side: 'receiver',
    steps: [
      {
        id: 'network:tls-certificate/check-host-name-url',
        text: 'Check that the host name in the URL is the one the receiver documents: a certificate only covers its own names.',
      },
      {
        id: 'network:tls-certificate/open-https-followed-host',
        text: 'Open https:// followed by the host name in your browser and click the padlock: look for a past expiry date or a name mismatch.',
      },
      {
        id: 'network:tls-certificate/ask-receiver-owner-renew',
        text: "Ask the receiver's owner to renew or fix the certificate, including the full chain; senders do not skip this check.",
      },
      { id: 'network:tls-certificate/resend-failed-items-once', text: 'Resend the failed items once the certificate is fixed.' },
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'tls-handshake',
    kind: 'network',
    title: 'Secure connection failed',
    short: 'TLS handshake failed',
    meaning:
      'Sender and receiver could not agree on a secure (TLS) connection: an outdated TLS version or cipher on the server, a wrong port, or a proxy in between.',
    side: 'receiver',
    steps: [
      {
        id: 'network:tls-handshake/check-url-starts-https',
        text: 'Check that the URL starts with https:// and does not name a plain-HTTP port (such as :80).',
      },
      {
        id: 'network:tls-handshake/tell-receiver-owner-tls',
        text: "Tell the receiver's owner that the TLS handshake fails from your ESP, with the time; their server should offer TLS 1.2 or newer.",
      },
      {
        id: 'network:tls-handshake/proxy-firewall-inspects-traffic',
        text: "If a proxy or firewall inspects traffic on the receiver's side, ask them to let your ESP's requests through.",
      },
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'timeout',
    kind: 'network',
    title: 'No answer in time',
    short: 'timed out',
    meaning:
      'The sender waited for the receiver and gave up before any answer came: the endpoint is slow or overloaded, or a firewall silently drops the traffic.',
    side: 'network',
    steps: [
      {
        id: 'network:timeout/find-how-long-esp',
        text: "Find how long your ESP waits (Braze 90 s, HubSpot 30 s, Customer.io reporting webhooks 4 s) and ask the receiver's owner how long the endpoint takes to answer.",
      },
      LOWER_SEND_RATE_STEP,
      { id: 'network:timeout/ask-receiver-answer-once', text: 'Ask the receiver to answer at once and do the heavy work afterwards.' },
      {
        id: 'network:timeout/before-resending-hand-check',
        text: 'Before resending by hand, check whether the receiver processed the item anyway, so nobody gets it twice.',
      },
    ],
    sources: [...NETWORK_SOURCES, BRAZE_CREATING_WEBHOOK, HUBSPOT_WORKFLOW_WEBHOOKS],
  },
  {
    id: 'unexpected-eof',
    kind: 'network',
    title: 'Connection closed without an answer',
    short: 'closed without reply',
    meaning:
      'The receiver or a proxy closed the connection before sending a complete answer ("EOF"): often a crash or restart, or https sent to a port that only speaks plain HTTP.',
    side: 'network',
    steps: [
      {
        id: 'network:unexpected-eof/check-url-scheme-https',
        text: 'Check that the URL scheme (https://) and port match what the receiver documents.',
      },
      {
        id: 'network:unexpected-eof/check-some-profiles-fail',
        text: 'Check whether only some profiles fail (a value may crash the receiver) or only large sends (overload).',
      },
      REPORT_TO_RECEIVER_STEP,
      WAIT_FOR_RETRIES_STEP,
    ],
    sources: NETWORK_SOURCES,
  },
  {
    id: 'host-unreachable',
    kind: 'network',
    title: 'Host unreachable',
    short: 'host unreachable',
    meaning:
      "There is no network route to the receiver's machine: it is offline, its address is private (such as localhost or 192.168.x.x), or an outage is in the way.",
    side: 'network',
    steps: [
      {
        id: 'network:host-unreachable/check-url-does-point',
        text: "Check that the URL does not point at an internal or test address (localhost, 127.0.0.1, 10.x, 192.168.x, .local) that your ESP's servers cannot reach.",
      },
      CHECK_STATUS_PAGE_STEP,
      {
        id: 'network:host-unreachable/ask-receiver-owner-server',
        text: "Ask the receiver's owner whether the server is online and reachable from the internet.",
      },
    ],
    sources: NETWORK_SOURCES,
  },
];

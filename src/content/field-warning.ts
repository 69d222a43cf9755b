// The warning shown right after an editor field (DESIGN.md contract 2): a span host with
// data-webhook-doctor="field-warning" and data-problem, its look in a closed shadow root. The text
// says what to do; it never repeats what the user typed (a token must not reach the DOM we add).
import type { Finding } from '../engine/types';
import { OUR_ATTRIBUTE } from './dom';
import { markOwn } from './ownership';
import { ALERT_ICON, applyStyles, FONT, icon, KEY_ICON } from './styles';

/** Inline style of a field-warning host: a block right under its field. */
const WARNING_HOST_STYLE =
  'all:initial!important;display:block!important;margin:4px 0 6px!important;padding:0!important;' +
  'border:0!important;position:static!important;visibility:visible!important;opacity:1!important;' +
  'width:auto!important;height:auto!important;flex:1 1 100%!important;direction:ltr!important;' +
  'unicode-bidi:isolate!important';

const WARNING_CSS = `
:host{all:initial}
.warning{${FONT}display:flex;gap:6px;align-items:flex-start;box-sizing:border-box;font-size:12px;line-height:1.4;
  padding:5px 8px;border-radius:4px;border:1px solid #db2777;background:#fde7f0;color:#831843;text-align:left}
.warning b{font-weight:700}
.warning svg{width:12px;height:12px;flex:none;margin-top:2px;fill:currentColor}
@media (prefers-color-scheme:dark){.warning{background:#3b0a1f;color:#fbcfe8;border-color:#f472b6}}`;

const textNodes = new WeakMap<Element, Text>();

/** One sentence per problem: what is wrong and what to do. */
const ADVICE: Record<string, string> = {
  'masked-token': 'This is a masked copy (###), not the token. Paste the real token again from its source.',
  'placeholder-token': 'This is a placeholder, not a token. Replace it with your real API token.',
  'missing-bearer-prefix': 'Start the value with "Bearer " (with the space), then the token.',
  'malformed-scheme': 'Write the scheme, one space, then the token, e.g. "Bearer <token>".',
  'doubled-scheme': 'The scheme appears twice. Keep a single "Bearer ".',
  'quoted-value': 'Remove the quotes: header values are sent as typed.',
  'whitespace-in-token': 'The token contains spaces or line breaks. Paste it again as one piece.',
  'malformed-basic': 'Basic credentials must be base64 of "user:password".',
  'empty-token': 'Add the token after the scheme.',
  'test-token-wrong-endpoint':
    'This endpoint accepts only your production token: test tokens work only with the Mailing API.',
  'template-breaks-json':
    'A template tag here can break the JSON once filled in. Put it in quotes or give it a default.',
};

/** The warning text for a field finding. */
export function warningText(finding: Finding): string {
  const problem = finding.problem ?? '';
  const detail = finding.detail;
  switch (problem) {
    case 'invalid-json': {
      const where = detail?.line ? `line ${detail.line}, column ${detail.column ?? 1}` : 'in the body';
      const reason = detail?.reason ? `: ${detail.reason}` : '';
      return `Invalid JSON at ${where}${reason}. Fix it before sending.`;
    }
    case 'missing-required-field':
      return `Missing required field${plural(detail?.fields)}: ${list(detail?.fields)}. Add ${detail?.fields?.length === 1 ? 'it' : 'them'} to the body.`;
    case 'empty-required-field':
      return `Required field${plural(detail?.fields)} left empty: ${list(detail?.fields)}. Fill ${detail?.fields?.length === 1 ? 'it' : 'them'} in.`;
    case 'wrong-auth-header':
      return `This receiver does not read this header. Send the token as ${expectedOr(detail, 'the header it documents')}.`;
    case 'wrong-auth-scheme':
      return `This receiver does not take this scheme. Use ${expectedOr(detail, 'the scheme it documents')}.`;
    case 'basic-wrong-user':
      return `These Basic credentials hold the wrong kind of user name. Use ${expectedOr(detail, 'the IDs the receiver documents')}.`;
    case 'body-too-large':
      return detail?.fields?.length
        ? `Too long for this receiver: ${list(detail.fields)}. Shorten it.`
        : `This body is larger than this receiver takes (${expectedOr(detail, 'see its limit')}). Send less per call.`;
    case 'secret-belongs-in-url':
      return detail?.expected
        ? `This receiver takes its secret from the webhook URL (${detail.expected}), not from this header. Remove it.`
        : 'This receiver reads its secret from the webhook URL and ignores this header. Remove it.';
    case 'incomplete-webhook-url':
      return detail?.expected
        ? `This webhook URL lacks its secret part: ${detail.expected}. Copy the whole URL again.`
        : 'This webhook URL lacks its secret part at the end. Copy the whole URL again from the receiver.';
    case 'unusable-webhook-url':
      return `Webhooks cannot call this URL. Use ${expectedOr(detail, 'the URL the receiver gives for other services')}.`;
    case 'wrong-body-format':
      return `This receiver does not read this body format. Send ${expectedOr(detail, 'the format it documents')}.`;
    default:
      return ADVICE[problem] ?? 'Check this field: Webhook Doctor found a problem here (details in its popup).';
  }
}

function expectedOr(detail: Finding['detail'], fallback: string): string {
  return detail?.expected ?? fallback;
}

function plural(fields: string[] | undefined): string {
  return fields && fields.length > 1 ? 's' : '';
}

function list(fields: string[] | undefined): string {
  return fields && fields.length ? fields.join(', ') : 'see the popup';
}

/** Creates the warning host for one problem. */
export function createFieldWarning(doc: Document, problem: string): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(OUR_ATTRIBUTE, 'field-warning');
  markOwn(host);
  host.setAttribute('data-problem', problem);
  host.setAttribute('style', WARNING_HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  applyStyles(shadow, WARNING_CSS);
  const box = doc.createElement('span');
  box.className = 'warning';
  box.setAttribute('role', 'note');
  const label = doc.createElement('b');
  label.textContent = 'Webhook Doctor:';
  const text = doc.createTextNode('');
  box.append(icon(doc, problem.includes('json') || problem.includes('field') ? ALERT_ICON : KEY_ICON), label, doc.createTextNode(' '), text);
  shadow.append(box);
  textNodes.set(host, text);
  return host;
}

/** Sets the warning's sentence (only when it changed). */
export function renderFieldWarning(host: Element, sentence: string): void {
  const text = textNodes.get(host);
  if (text && text.data !== sentence) text.data = sentence;
}

/** The sentence a warning shows (tests read it through here: the shadow root is closed). */
export function fieldWarningText(host: Element): string | undefined {
  return textNodes.get(host)?.data;
}

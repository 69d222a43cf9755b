// The warning shown right after an editor field (DESIGN.md contract 2): a span host with
// data-webhook-doctor="field-warning" and data-problem, its look in a closed shadow root. The text
// says what to do; it never repeats what the user typed (a token must not reach the DOM we add).
import type { Finding } from '../engine/types';
import { OUR_ATTRIBUTE } from './dom';
import { applyStyles, icon, WARNING_CSS, WARNING_HOST_STYLE } from './styles';

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
    default:
      return ADVICE[problem] ?? 'Check this field: Webhook Doctor found a problem here (details in its popup).';
  }
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
  box.append(icon(doc, problem.includes('json') || problem.includes('field') ? 'alert' : 'key'), label, doc.createTextNode(' '), text);
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

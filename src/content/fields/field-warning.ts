// The warning shown right after an editor field (DESIGN.md contract 2): a span host with
// data-webhook-doctor="field-warning" and data-problem, its look in a closed shadow root. The text
// says what to do; it never repeats what the user typed (a token must not reach the DOM we add).
import type { Finding } from '../../engine/types';
import { OUR_ATTRIBUTE } from '../page/dom';
import { markOwn } from '../page/ownership';
import { plural, t, type MessageName } from '../../shared/i18n';
import { ALERT_ICON, applyStyles, FONT, HOST_GUARDS, icon, KEY_ICON } from '../page/styles';

/** Inline style of a field-warning host: a block right under its field. */
const WARNING_HOST_STYLE =
  'all:initial!important;display:block!important;margin:4px 0 6px!important;padding:0!important;' +
  'border:0!important;position:static!important;visibility:inherit!important;opacity:1!important;' +
  'width:auto!important;height:auto!important;flex:1 1 100%!important;direction:ltr!important;' +
  'unicode-bidi:isolate!important';

const WARNING_CSS = `
:host{all:initial}
${HOST_GUARDS}
.warning{${FONT}display:flex;gap:6px;align-items:flex-start;box-sizing:border-box;font-size:12px;line-height:1.4;
  padding:5px 8px;border-radius:4px;border:1px solid #db2777;background:#fde7f0;color:#831843;text-align:left}
.warning b{font-weight:700}
.warning svg{width:12px;height:12px;flex:none;margin-top:2px;fill:currentColor}
@media (prefers-color-scheme:dark){.warning{background:#3b0a1f;color:#fbcfe8;border-color:#f472b6}}`;

const textNodes = new WeakMap<Element, Text>();

/** One sentence per problem: what is wrong and what to do. */
const ADVICE: Record<string, MessageName> = {
  'masked-token': 'warningMaskedToken',
  'placeholder-token': 'warningPlaceholderToken',
  'missing-bearer-prefix': 'warningMissingBearer',
  'malformed-scheme': 'warningMalformedScheme',
  'doubled-scheme': 'warningDoubledScheme',
  'quoted-value': 'warningQuotedValue',
  'whitespace-in-token': 'warningWhitespaceInToken',
  'malformed-basic': 'warningMalformedBasic',
  'empty-token': 'warningEmptyToken',
  'test-token-wrong-endpoint': 'warningTestToken',
  'template-breaks-json': 'warningTemplateJson',
};

/** The warning text for a field finding. */
export function warningText(finding: Finding): string {
  const problem = finding.problem ?? '';
  const detail = finding.detail;
  switch (problem) {
    case 'invalid-json': {
      const where = detail?.line ? t('warningJsonAt', { line: detail.line, column: detail.column ?? 1 }) : t('warningJsonInBody');
      return detail?.reason ? t('warningInvalidJsonReason', { where, reason: detail.reason }) : t('warningInvalidJson', { where });
    }
    case 'missing-required-field':
      return plural('warningMissingFields', fieldCount(detail?.fields), { fields: list(detail?.fields) });
    case 'empty-required-field':
      return plural('warningEmptyFields', fieldCount(detail?.fields), { fields: list(detail?.fields) });
    case 'wrong-auth-header':
      return t('warningWrongHeader', { expected: expectedOr(detail, 'warningWrongHeaderUnknown') });
    case 'wrong-auth-scheme':
      return t('warningWrongScheme', { expected: expectedOr(detail, 'warningWrongSchemeUnknown') });
    case 'basic-wrong-user':
      return t('warningBasicUser', { expected: expectedOr(detail, 'warningBasicUserUnknown') });
    case 'body-too-large':
      return detail?.fields?.length
        ? t('warningFieldsTooLong', { fields: list(detail.fields) })
        : t('warningBodyTooLarge', { limit: expectedOr(detail, 'warningBodyLimitUnknown') });
    case 'secret-belongs-in-url':
      return detail?.expected ? t('warningSecretInUrlWhere', { where: detail.expected }) : t('warningSecretInUrl');
    case 'incomplete-webhook-url':
      return detail?.expected ? t('warningIncompleteUrlWhere', { where: detail.expected }) : t('warningIncompleteUrl');
    case 'unusable-webhook-url':
      return t('warningUnusableUrl', { expected: expectedOr(detail, 'warningUnusableUrlUnknown') });
    case 'wrong-body-format':
      return t('warningBodyFormat', { expected: expectedOr(detail, 'warningBodyFormatUnknown') });
    default:
      return t(ADVICE[problem] ?? 'warningOther');
  }
}

function expectedOr(detail: Finding['detail'], fallback: MessageName): string {
  return detail?.expected ?? t(fallback);
}

/** The plural form follows the field names shown; when none are known, it is worded for several. */
function fieldCount(fields: string[] | undefined): number {
  return fields && fields.length > 0 ? fields.length : 2;
}

function list(fields: string[] | undefined): string {
  return fields && fields.length ? fields.join(', ') : t('warningFieldsUnknown');
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
  label.textContent = t('warningLabel');
  const text = doc.createTextNode('');
  box.append(
    icon(doc, problem.includes('json') || problem.includes('field') ? ALERT_ICON : KEY_ICON),
    label,
    doc.createTextNode(' '),
    text,
  );
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

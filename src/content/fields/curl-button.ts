// The editor's "Copy as curl" button, right after the destination URL field (and its warnings):
// copies the request the ESP would send, every secret replaced by a placeholder (engine/curl.ts).
// The button's look lives in a closed shadow root; it never shows the request itself.
import { buildCurl, type CurlRequest } from '../../engine/curl';
import { OUR_ATTRIBUTE, queryAll } from '../page/dom';
import { markOwn } from '../page/ownership';
import { fieldValue, type EditorFields } from './fields';
import { applyStyles, FONT, HOST_GUARDS } from '../page/styles';
import { t } from '../../shared/i18n';

export const CURL_BUTTON = 'copy-curl';

const HOST_STYLE =
  'all:initial!important;display:block!important;width:max-content!important;max-width:100%!important;margin:2px 0 6px!important;padding:0!important;border:0!important;' +
  'position:static!important;visibility:inherit!important;opacity:1!important;direction:ltr!important';

const CSS = `
:host{all:initial}
${HOST_GUARDS}
button{${FONT}font-size:12px;line-height:1.4;padding:3px 8px;border-radius:4px;border:1px solid #6b7280;background:#fff;color:#1f2937;cursor:pointer}
button:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
span{${FONT}font-size:11px;color:#4b5563;margin-left:6px}
@media (prefers-color-scheme:dark){button{background:#1f2937;color:#f9fafb;border-color:#9ca3af}span{color:#d1d5db}}`;

/** The HTTP method the editor shows (a select or input named like "method"); POST by default. */
function methodOf(doc: Document): string {
  const field = queryAll(doc, 'select, input').find((el) =>
    /method/i.test(`${el.getAttribute('name') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''}`),
  );
  return field ? fieldValue(field) || 'POST' : 'POST';
}

/** The request the editor describes, as typed (template tags included). */
export function editorRequest(doc: Document, fields: EditorFields, sender: string | null): CurlRequest | null {
  if (!fields.url) return null;
  return {
    method: methodOf(doc),
    url: fieldValue(fields.url),
    headers: fields.headers.map((header) => ({ name: header.name, value: fieldValue(header.value) })),
    body: fields.body ? fieldValue(fields.body) : null,
    ...(sender ? { sender } : {}),
  };
}

export class CurlButton {
  private host: HTMLElement | null = null;
  private status: Text | null = null;

  constructor(private readonly read: () => CurlRequest | null) {}

  /** Puts the button after `field` and the warnings that follow it (or keeps it there). */
  place(field: Element | null): void {
    if (!field?.isConnected || !this.read()) return this.remove();
    let anchor: Element = field;
    while (anchor.nextElementSibling?.getAttribute(OUR_ATTRIBUTE) === 'field-warning') anchor = anchor.nextElementSibling;
    const host = this.host ?? this.create(field.ownerDocument);
    if (anchor.nextElementSibling !== host) anchor.after(host);
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
  }

  private create(doc: Document): HTMLElement {
    const host = doc.createElement('span');
    host.setAttribute(OUR_ATTRIBUTE, CURL_BUTTON);
    markOwn(host);
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    applyStyles(shadow, CSS);
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t('copyCurl');
    button.title = t('curlButtonTitle');
    const status = doc.createElement('span');
    status.setAttribute('role', 'status');
    this.status = doc.createTextNode('');
    status.append(this.status);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      void this.copy(doc);
    });
    shadow.append(button, status);
    this.host = host;
    return host;
  }

  private async copy(doc: Document): Promise<void> {
    const request = this.read();
    if (!request) return;
    try {
      await doc.defaultView?.navigator.clipboard.writeText(buildCurl(request));
      this.say(t('curlCopied'));
    } catch {
      this.say(t('curlNotAllowed'));
    }
  }

  private say(text: string): void {
    if (this.status) this.status.data = text;
  }
}

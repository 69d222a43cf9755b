// Re-checks the editor as the user types (debounced) and when the page adds form controls.
import type { SiteAdapter } from '../../providers/site-adapter';
import { FIELD_CHECK_DELAY_MS } from './field-probe';
import { checkEditorFields, FieldWarnings, findEditorFields, safeEndpointUrl, type EditorFields, type FieldIssue } from './fields';
import { CurlButton, editorRequest } from './curl-button';
import type { CurlRequest } from '../../engine/curl';
import { providerName } from '../../providers';

export { FIELD_CHECK_DELAY_MS };

export class FieldWatcher {
  private readonly warnings = new FieldWarnings();
  private timer: number | undefined;
  private endpoint: string | null = null;
  private fields: EditorFields | null = null;
  private readonly curlButton = new CurlButton(() => this.request());

  constructor(
    private readonly doc: Document,
    private readonly adapter: SiteAdapter,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
    signal: AbortSignal,
  ) {
    const schedule = () => this.schedule();
    for (const type of ['input', 'change', 'focusout']) doc.addEventListener(type, schedule, { capture: true, passive: true, signal });
    signal.addEventListener('abort', () => this.stop());
  }

  /** Checks now. */
  check(): void {
    try {
      const fields = findEditorFields([this.doc], this.adapter);
      this.fields = fields;
      const endpoint = safeEndpointUrl(fields);
      const changed = this.warnings.apply(checkEditorFields(fields));
      this.curlButton.place(endpoint ? fields.url : null);
      if (changed || endpoint !== this.endpoint) {
        this.endpoint = endpoint;
        this.onChange();
      }
    } catch (error) {
      this.onError(error);
    }
  }

  /** Checks after a short pause (coalesces keystrokes and mutation batches). */
  schedule(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    if (this.timer !== undefined) win.clearTimeout(this.timer);
    this.timer = win.setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, FIELD_CHECK_DELAY_MS);
  }

  issues(): readonly FieldIssue[] {
    return this.warnings.issues();
  }

  endpointUrl(): string | null {
    return this.endpoint;
  }

  /** The request the editor describes, read when asked (values stay in this page). */
  request(): CurlRequest | null {
    return this.fields ? editorRequest(this.doc, this.fields, this.adapter.provider ? providerName(this.adapter.provider) : null) : null;
  }

  clear(): void {
    this.warnings.clear();
    this.curlButton.remove();
    this.endpoint = null;
  }

  stop(): void {
    if (this.timer !== undefined) this.doc.defaultView?.clearTimeout(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

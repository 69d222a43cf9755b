// Re-checks the editor as the user types (debounced) and when the page adds form controls.
import type { SiteAdapter } from '../sites/types';
import { FIELD_CHECK_DELAY_MS } from './field-probe';
import { checkEditorFields, FieldWarnings, findEditorFields, safeEndpointUrl, type FieldIssue } from './fields';

export { FIELD_CHECK_DELAY_MS };

export class FieldWatcher {
  private readonly warnings = new FieldWarnings();
  private timer: number | undefined;
  private endpoint: string | null = null;

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
      const endpoint = safeEndpointUrl(fields);
      const changed = this.warnings.apply(checkEditorFields(fields));
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

  clear(): void {
    this.warnings.clear();
    this.endpoint = null;
  }

  stop(): void {
    if (this.timer !== undefined) this.doc.defaultView?.clearTimeout(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

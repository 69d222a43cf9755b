// Re-checks the page's request editors as the user types (debounced) and when the page adds form
// controls: every editor's fields are checked and warned about, each with its own curl button.
import type { SiteAdapter } from '../../providers/site-adapter';
import { FIELD_CHECK_DELAY_MS } from './field-probe';
import {
  checkEditorFields,
  FieldWarnings,
  findEditors,
  safeEndpointUrl,
  type EditorFields,
  type FieldElement,
  type FieldIssue,
} from './fields';
import { CurlButton, editorRequest } from './curl-button';
import type { CurlRequest } from '../../engine/curl';
import { providerName } from '../../providers';

export { FIELD_CHECK_DELAY_MS };

export class FieldWatcher {
  private readonly warnings = new FieldWarnings();
  private timer: number | undefined;
  private endpoint: string | null = null;
  private editors: EditorFields[] = [];
  /** One "Copy as curl" button per editor with a URL, keyed by that URL field. */
  private curlButtons = new Map<FieldElement, { button: CurlButton; editor: EditorFields }>();

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
      const editors = findEditors([this.doc], this.adapter);
      this.editors = editors;
      const endpoints = editors.map(safeEndpointUrl);
      const endpoint = endpoints.find((url) => url !== null) ?? null;
      const changed = this.warnings.apply(editors.flatMap(checkEditorFields));
      this.placeCurlButtons(editors.filter((_, i) => endpoints[i] !== null));
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

  /** The request of the first editor that describes one, read when asked (values stay in this page). */
  request(): CurlRequest | null {
    for (const editor of this.editors) {
      const request = this.requestOf(editor);
      if (request) return request;
    }
    return null;
  }

  private requestOf(editor: EditorFields): CurlRequest | null {
    return editorRequest(this.doc, editor, this.adapter.provider ? providerName(this.adapter.provider) : null);
  }

  /** A button after each of these editors' URL fields; buttons of editors gone are removed. */
  private placeCurlButtons(editors: readonly EditorFields[]): void {
    const wanted = new Set(editors.map((editor) => editor.url));
    for (const [url, { button }] of this.curlButtons) {
      if (wanted.has(url)) continue;
      button.remove();
      this.curlButtons.delete(url);
    }
    for (const editor of editors) {
      if (!editor.url) continue;
      let entry = this.curlButtons.get(editor.url);
      if (!entry) {
        const created: { button: CurlButton; editor: EditorFields } = {
          button: new CurlButton(() => this.requestOf(created.editor)),
          editor,
        };
        entry = created;
        this.curlButtons.set(editor.url, entry);
      }
      entry.editor = editor;
      entry.button.place(editor.url);
    }
  }

  clear(): void {
    this.warnings.clear();
    for (const { button } of this.curlButtons.values()) button.remove();
    this.curlButtons.clear();
    this.endpoint = null;
  }

  stop(): void {
    if (this.timer !== undefined) this.doc.defaultView?.clearTimeout(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

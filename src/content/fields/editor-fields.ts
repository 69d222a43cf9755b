// The editor-field checks as content.js holds them: a debounced probe (field-probe.ts) until the
// page shows editor fields, then the real checker from content-extras.js, which takes over.
import type { SiteAdapter } from '../../providers/site-adapter';
import type { ContentExtras, FieldChecker } from '../runtime/extras-api';
import type { ExtrasLoader } from '../runtime/extras-loader';
import { FIELD_CHECK_DELAY_MS, mayHaveEditorFields } from './field-probe';

export interface EditorFields extends FieldChecker {
  /** The extras arrived: their checker takes over, starting with a check now. */
  upgrade(extras: ContentExtras): void;
}

export function createEditorFields(
  doc: Document,
  adapter: SiteAdapter,
  extras: ExtrasLoader,
  onChange: () => void,
  onError: (error: unknown) => void,
  signal: AbortSignal,
): EditorFields {
  let checker: FieldChecker | null = null;
  let timer: number | undefined;
  const probing = new AbortController(); // the probe's own listeners, until the checker takes over
  const win = doc.defaultView;

  const stopProbing = () => {
    probing.abort();
    win?.clearTimeout(timer);
  };
  const probe = () => {
    try {
      if (mayHaveEditorFields(doc, adapter)) void extras.load();
    } catch (error) {
      onError(error);
    }
  };
  const schedule = () => {
    if (checker) return checker.schedule();
    if (!win || signal.aborted) return;
    win.clearTimeout(timer);
    timer = win.setTimeout(probe, FIELD_CHECK_DELAY_MS);
  };
  for (const type of ['input', 'change', 'focusout']) {
    doc.addEventListener(type, schedule, { capture: true, passive: true, signal: probing.signal });
  }
  signal.addEventListener('abort', stopProbing);

  return {
    check: () => (checker ? checker.check() : probe()),
    schedule,
    upgrade(loaded) {
      if (checker || signal.aborted) return;
      stopProbing();
      checker = loaded.watchFields(doc, adapter, onChange, onError, signal);
      checker.check();
    },
    issues: () => checker?.issues() ?? [],
    endpointUrl: () => checker?.endpointUrl() ?? null,
    clear: () => checker?.clear(),
    stop() {
      stopProbing();
      checker?.stop();
    },
  };
}

// A button that copies text to the clipboard and says, in a live region, how that went. The
// popup's copy actions differ only in what they copy and the words they show.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'none' } | { state: 'failed'; reason: string };

export interface CopyButtonProps {
  /** Extra class beside `copy` on the wrapper. */
  variant?: string;
  label: string;
  /** Shown once the text is on the clipboard. */
  done: string;
  /** Shown when `text` finds nothing to copy (resolves to null or ''). */
  nothing?: string;
  text: () => Promise<string | null>;
}

export function CopyButton({ variant, label, done, nothing, text }: CopyButtonProps) {
  const [status, setStatus] = useState<CopyState>({ state: 'idle' });

  async function copy(): Promise<void> {
    try {
      const value = await text();
      if (!value) return setStatus({ state: 'none' });
      await navigator.clipboard.writeText(value);
      setStatus({ state: 'copied' });
    } catch (error) {
      setStatus({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class={variant ? `copy ${variant}` : 'copy'}>
      <button type="button" class="button" onClick={() => void copy()}>
        {label}
      </button>
      <span class="copy__status" role="status">
        {status.state === 'copied' && done}
        {status.state === 'none' && nothing}
        {status.state === 'failed' && t('copyFailed', { error: status.reason })}
      </span>
    </div>
  );
}

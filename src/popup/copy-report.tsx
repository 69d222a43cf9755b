// "Copy report": the tab's findings as redacted Markdown on the clipboard, with a visible and
// announced confirmation.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';

type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'failed'; reason: string };

export function CopyReportButton({ tab }: { tab: TabFindings }) {
  const [status, setStatus] = useState<CopyState>({ state: 'idle' });

  // Fetch the report code (and its redactor) ahead of the click, so the copy happens at once.
  useEffect(() => {
    import('./report').catch(() => undefined);
  }, []);

  async function copy(): Promise<void> {
    try {
      // The redactor loads on first use, so the popup itself opens fast.
      const { buildReport } = await import('./report');
      await navigator.clipboard.writeText(buildReport(tab));
      setStatus({ state: 'copied' });
    } catch (error) {
      setStatus({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div class="copy">
      <button type="button" class="button" onClick={() => void copy()}>
        {t('copyReport')}
      </button>
      <span class="copy__status" role="status">
        {status.state === 'copied' && t('copyReportDone')}
        {status.state === 'failed' && t('copyFailed', { error: status.reason })}
      </span>
    </div>
  );
}

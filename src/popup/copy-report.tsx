// "Copy report": the tab's findings as redacted Markdown on the clipboard, with a visible and
// announced confirmation.
import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';
import { CopyButton } from './copy-button';

export function CopyReportButton({ tab }: { tab: TabFindings }) {
  // Fetch the report code (and its redactor) ahead of the click, so the copy happens at once.
  useEffect(() => {
    import('./report').catch(() => undefined);
  }, []);

  async function report(): Promise<string> {
    // The redactor loads on first use, so the popup itself opens fast.
    const { buildReport } = await import('./report');
    return buildReport(tab);
  }

  return <CopyButton label={t('copyReport')} done={t('copyReportDone')} text={report} />;
}

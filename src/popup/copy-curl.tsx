// "Copy as curl" in the popup: asks the tab's content script (in its own isolated world) for the
// editor's request as a curl command, secrets already replaced by placeholders, and copies it.
import { extensionApi } from '../content/runtime/runtime-api';
import { EXTRAS_GLOBAL } from '../content/runtime/extras-api';
import { t } from '../shared/i18n';
import type { TabFindings } from '../shared/messages';
import { CopyButton } from './copy-button';

/** Runs in the tab's isolated world, where content-extras.js registered its API. */
function readCurl(globalName: string): string | null {
  const api = (globalThis as unknown as Record<string, { curlOfPage?: () => string | null } | undefined>)[globalName];
  return api?.curlOfPage?.() ?? null;
}

export async function curlOfTab(tabId: number): Promise<string | null> {
  const results = await extensionApi().scripting.executeScript({
    target: { tabId, allFrames: true },
    func: readCurl,
    args: [EXTRAS_GLOBAL],
  });
  const found = results.map((result) => result.result).find((value): value is string => typeof value === 'string' && value !== '');
  return found ?? null;
}

export function CopyCurlButton({ tab }: { tab: TabFindings }) {
  return (
    <CopyButton
      variant="copy--curl"
      label={t('copyCurl')}
      done={t('copyCurlDone')}
      nothing={t('copyCurlNoEditor')}
      text={() => curlOfTab(tab.tabId)}
    />
  );
}

// Shown instead of "no problems" when the user withheld the host permission of the page's ESP:
// the content script cannot run there, so nothing was read. One button asks for it again.
import { useState } from 'preact/hooks';
import { requestHosts } from '../shared/host-access';
import { plural, t } from '../shared/i18n';

/** `https://*.braze.com/*` → `*.braze.com`. */
export function hostName(pattern: string): string {
  return pattern.replace(/^[^:]+:\/\//, '').replace(/\/.*$/, '');
}

export function HostAccessState({ hosts, onGranted }: { hosts: string[]; onGranted: () => void }) {
  const [refused, setRefused] = useState(false);
  async function grant(): Promise<void> {
    const granted = await requestHosts(hosts).catch(() => false);
    setRefused(!granted);
    if (granted) onGranted();
  }
  return (
    <section class="state" aria-labelledby="state-heading">
      <h2 id="state-heading">{t('accessHeading')}</h2>
      <p>{t('accessText')}</p>
      <ul class="providers" aria-label={t('accessSitesLabel')}>
        {hosts.map((host) => (
          <li key={host}>{hostName(host)}</li>
        ))}
      </ul>
      <button type="button" class="button button--primary" onClick={() => void grant()}>
        {plural('accessAllow', hosts.length)}
      </button>
      {refused && (
        <p class="note" role="status">
          {t('accessRefused')}
        </p>
      )}
    </section>
  );
}

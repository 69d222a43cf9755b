// Shown instead of "no problems" when the user withheld the host permission of the page's ESP:
// the content script cannot run there, so nothing was read. One button asks for it again.
import { useState } from 'preact/hooks';
import { requestHosts } from '../shared/host-access';

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
      <h2 id="state-heading">Webhook Doctor may not read this site</h2>
      <p>
        Your browser has not allowed Webhook Doctor on these sites, so it cannot look for failing webhooks here. It reads
        the page on your computer only and sends nothing anywhere.
      </p>
      <ul class="providers" aria-label="Sites waiting for your permission">
        {hosts.map((host) => (
          <li key={host}>{hostName(host)}</li>
        ))}
      </ul>
      <button type="button" class="button button--primary" onClick={() => void grant()}>
        Allow Webhook Doctor on {hosts.length === 1 ? 'this site' : 'these sites'}
      </button>
      {refused && (
        <p class="note" role="status">
          Not allowed. You can allow it at any time from this button or the browser's extension settings.
        </p>
      )}
    </section>
  );
}

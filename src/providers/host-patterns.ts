// Provider hosts as the manifest writes them: `www.klaviyo.com` exactly, or `*.braze.com` for the
// domain and every subdomain (Chrome's match-pattern rule for a leading `*.`).

/** The manifest match pattern for one host: `https://*.braze.com/*`. */
export function hostPattern(host: string): string {
  return `https://${host}/*`;
}

/** True when `hostname` is one of `hosts`, read as match patterns' host parts. */
export function hostMatcher(hosts: readonly string[]): (hostname: string) => boolean {
  const exact = new Set(hosts.filter((host) => !host.startsWith('*.')));
  const domains = hosts.filter((host) => host.startsWith('*.')).map((host) => host.slice(2));
  return (hostname) => {
    const host = hostname.toLowerCase();
    return exact.has(host) || domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  };
}

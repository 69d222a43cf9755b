// Reading a destination URL as typed in an editor or quoted in a log: the scheme may be missing,
// template tags may follow, and the text may be long or hostile (bounded regexes only).

export interface UrlParts {
  /** Lower-case host without a trailing dot. */
  host: string;
  /** The path, '/' when there is none. */
  path: string;
}

const URL_PARTS = /^\s*(?:https?:\/\/)?(?:[^@/?#\s]*@)?([^/?#\s:]+)(?::\d+)?(\/[^?#\s]*)?/i;

/** The last URL read: the registry asks every layer about the same URL in a row. */
let lastUrl: string | undefined;
let lastParts: UrlParts | undefined;

/** Host and path of a URL; undefined when the text does not start with one. */
export function hostAndPath(url: string): UrlParts | undefined {
  if (url === lastUrl) return lastParts;
  const match = URL_PARTS.exec(url);
  const parts = match?.[1] ? { host: match[1].toLowerCase().replace(/\.$/, ''), path: match[2] ?? '/' } : undefined;
  lastUrl = url;
  lastParts = parts;
  return parts;
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** A URL matcher from a host test and an optional path test. */
export function urlMatcher(hostTest: (host: string) => boolean, pathTest?: RegExp): (url: string) => boolean {
  return (url) => {
    const parts = hostAndPath(url);
    return parts !== undefined && hostTest(parts.host) && (pathTest ? pathTest.test(parts.path) : true);
  };
}

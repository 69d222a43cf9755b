// The address of the page a finding was seen on, as the extension keeps it. Only the report's
// "Page:" line uses it, and that line needs no query or fragment; those are where sign-in flows
// and dashboards carry tokens (`?token=`, `#access_token=`), so they never leave the page.

/** The URL cut before its query and fragment. */
export function withoutQueryOrFragment(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

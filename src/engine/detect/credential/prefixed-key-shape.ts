// Where a vendor-prefixed key starts, for the credential pass that reports one half hidden
// (credential-prefixed-key.ts) and for the content script's test of which rows wait for that
// pass (needsExtras in src/content/scan/row-detect.ts): one definition, so the two agree. No
// imports: content.js, which every matching page loads, holds this module.

/**
 * Prefixes that only keys carry (OpenAI, Stripe, GitHub, GitLab, Slack, HubSpot, SendGrid),
 * then the rest of the value up to a space, a quote or a closing bracket. Global, bounded.
 */
export const PREFIXED_KEY =
  /(?<![\w.-])(?:sk|rk|pk)(?:[-_](?:live|test|proj|ant|or))?[-_]|(?<![\w.-])(?:ghp|gho|ghu|ghs|github_pat|glpat|xox[abpe]|pat|SG)[-_.]/g;

const KEY_PREFIX = new RegExp(PREFIXED_KEY.source);

/** False when `text` holds no vendor-prefixed key, so the prefixed-key pass cannot report in it. */
export function mayHoldPrefixedKey(text: string): boolean {
  return KEY_PREFIX.test(text);
}

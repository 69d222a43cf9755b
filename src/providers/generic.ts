// The adapter for pages no provider claims (user-added domains, new ESP layouts): no selectors,
// so the text-anchored scanner and the generic field finder do all the work.
import { NO_SELECTORS, siteAdapter, type SiteAdapter } from './site-adapter';

export const generic: SiteAdapter = siteAdapter('generic', null, () => true, NO_SELECTORS);

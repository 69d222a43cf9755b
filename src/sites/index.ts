// The site registry: adding a site = one file + one line here.
import type { SiteAdapter } from './types';
import { klaviyo } from './klaviyo';
import { braze } from './braze';
import { customerio } from './customerio';
import { hubspot } from './hubspot';
import { iterable } from './iterable';
import { generic } from './generic';

export type { SiteAdapter, EditorSelectors, SelectorCheck } from './types';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [klaviyo, braze, customerio, hubspot, iterable];

/** The adapter for a host name; the generic adapter when no site claims it. */
export function adapterFor(hostname: string): SiteAdapter {
  return SITE_ADAPTERS.find((adapter) => adapter.matchesHost(hostname)) ?? generic;
}

/** Every adapter's selector checks (tests only). */
export { klaviyoSelectorChecks } from './klaviyo';
export { brazeSelectorChecks } from './braze';
export { customerioSelectorChecks } from './customerio';
export { hubspotSelectorChecks } from './hubspot';
export { iterableSelectorChecks } from './iterable';

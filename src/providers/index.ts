// Lookups over the provider registry, for every part of the extension and the CLI.
import type { ProviderDefinition } from './define';
import { generic } from './generic';
import { hostMatcher, hostPattern } from './host-patterns';
import { PROVIDERS } from './registry';
import { siteAdapter, type SiteAdapter } from './site-adapter';

export type ProviderId = (typeof PROVIDERS)[number]['id'];

/** The registry seen without the literal types, for code that looks providers up by string. */
const ALL: readonly ProviderDefinition<ProviderId>[] = PROVIDERS;

export const PROVIDER_IDS: readonly ProviderId[] = ALL.map((provider) => provider.id);

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

export function providerById(id: ProviderId | null | undefined): ProviderDefinition<ProviderId> | undefined {
  return id ? ALL.find((provider) => provider.id === id) : undefined;
}

/** The name as its maker writes it ("Customer.io"); the id itself for an id no provider has. */
export function providerName(id: ProviderId): string {
  return providerById(id)?.name ?? id;
}

/** Host permissions and content-script matches for the manifest, in registry order. */
export function providerHostPatterns(): string[] {
  return ALL.flatMap((provider) => provider.hosts.map(hostPattern));
}

const SITE_ADAPTERS: readonly SiteAdapter[] = ALL.map((provider) =>
  siteAdapter(provider.id, provider.id, hostMatcher(provider.hosts), provider.site),
);

/** The adapter for a host name; the generic adapter when no provider claims it. */
export function adapterFor(hostname: string): SiteAdapter {
  return SITE_ADAPTERS.find((adapter) => adapter.matchesHost(hostname)) ?? generic;
}

export { generic } from './generic';
export type { ProviderDefinition } from './define';
export type { SiteAdapter, SiteSelectors, EditorSelectors } from './site-adapter';

// User settings kept in storage.sync, validated whenever they are read.
import { PROVIDER_IDS, type ProviderId } from '../providers';

export type BadgeDensity = 'full' | 'compact';

export interface Settings {
  /** Per-provider on/off. */
  providers: Record<ProviderId, boolean>;
  /** Extra origins the user granted, as match patterns like `https://esp.example.com/*`. */
  customDomains: string[];
  /** `full`: code and short title on each badge; `compact`: code only. */
  badgeDensity: BadgeDensity;
}

export const DEFAULT_SETTINGS: Settings = {
  providers: Object.fromEntries(PROVIDER_IDS.map((id) => [id, true])) as Record<ProviderId, boolean>,
  customDomains: [],
  badgeDensity: 'full',
};

export const SETTINGS_KEY = 'settings';

/** Turns a host name the user typed into a match pattern, or null when it is not a host name. */
export function domainToPattern(input: string): string | null {
  let host = input.trim().toLowerCase();
  host = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/.test(host) || host.length > 253) return null;
  return `https://${host}/*`;
}

/** Whatever storage holds, returns complete valid settings (unknown or broken values fall back). */
export function parseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const providers = { ...DEFAULT_SETTINGS.providers };
  if (typeof value.providers === 'object' && value.providers !== null) {
    for (const id of PROVIDER_IDS) {
      const on = (value.providers as Record<string, unknown>)[id];
      if (typeof on === 'boolean') providers[id] = on;
    }
  }
  const customDomains = Array.isArray(value.customDomains)
    ? [
        ...new Set(
          value.customDomains
            .filter((d): d is string => typeof d === 'string' && domainToPattern(d) !== null)
            .map((d) => domainToPattern(d)!),
        ),
      ]
    : [];
  const badgeDensity: BadgeDensity = value.badgeDensity === 'compact' ? 'compact' : 'full';
  return { providers, customDomains, badgeDensity };
}

// The settings page: which ESPs to read, the user's own domains, and how much an inline badge says.
import { useEffect, useState } from 'preact/hooks';
import type { ProviderId } from '../engine/types';
import { PROVIDER_IDS, providerName } from '../providers';
import { t, type MessageName } from '../shared/i18n';
import type { BadgeDensity, Settings } from '../shared/settings';
import { addDomain, removeDomain } from './domains';
import { MorePlatforms } from './more-platforms';
import { loadSettings, updateSettings } from './settings-storage';

type Status = { kind: 'info' | 'error'; text: string } | null;

const DENSITIES: { value: BadgeDensity; label: MessageName; hint: MessageName }[] = [
  { value: 'full', label: 'optionsDensityFull', hint: 'optionsDensityFullHint' },
  { value: 'compact', label: 'optionsDensityCompact', hint: 'optionsDensityCompactHint' },
];

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [domain, setDomain] = useState('');
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    loadSettings().then(setSettings, (error: unknown) =>
      setStatus({ kind: 'error', text: t('optionsLoadError', { error: String(error) }) }),
    );
  }, []);

  async function save(change: (current: Settings) => Settings, message: string): Promise<void> {
    try {
      setSettings(await updateSettings(change));
      setStatus({ kind: 'info', text: message });
    } catch (error) {
      setStatus({ kind: 'error', text: t('optionsSaveError', { error: String(error) }) });
    }
  }

  function toggleProvider(id: ProviderId, on: boolean): void {
    const message = t(on ? 'optionsProviderOn' : 'optionsProviderOff', { name: providerName(id) });
    void save((current) => ({ ...current, providers: { ...current.providers, [id]: on } }), message);
  }

  function chooseDensity(value: BadgeDensity): void {
    void save((current) => ({ ...current, badgeDensity: value }), t('optionsDensitySaved'));
  }

  async function onAddDomain(event: Event): Promise<void> {
    event.preventDefault();
    // addDomain asks for the permission first thing: the click's user gesture is still valid.
    const result = await addDomain(domain, settings?.customDomains ?? []);
    setStatus({ kind: result.ok ? 'info' : 'error', text: result.message });
    if (result.ok) {
      setDomain('');
      setSettings(await loadSettings());
    }
  }

  async function onRemoveDomain(pattern: string): Promise<void> {
    const result = await removeDomain(pattern);
    setStatus({ kind: 'info', text: result.message });
    setSettings(await loadSettings());
  }

  if (!settings) {
    return (
      <main class="options" aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
        {status ? <p role="alert">{status.text}</p> : <p>{t('optionsLoading')}</p>}
      </main>
    );
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <fieldset>
        <legend>{t('optionsProvidersLegend')}</legend>
        <p class="hint">{t('optionsProvidersHint')}</p>
        {PROVIDER_IDS.map((id) => (
          <label class="switch" key={id}>
            <input
              type="checkbox"
              role="switch"
              name={`provider-${id}`}
              checked={settings.providers[id]}
              onChange={(event) => toggleProvider(id, event.currentTarget.checked)}
            />
            <span>{providerName(id)}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsDomainsLegend')}</legend>
        <p class="hint">{t('optionsDomainsHint')}</p>
        <form class="add-domain" onSubmit={(event) => void onAddDomain(event)}>
          <label for="domain-input">{t('optionsDomainLabel')}</label>
          <input
            id="domain-input"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('optionsDomainPlaceholder')}
            value={domain}
            onInput={(event) => setDomain(event.currentTarget.value)}
          />
          <button type="submit">{t('optionsAdd')}</button>
        </form>
        {settings.customDomains.length === 0 ? (
          <p class="hint">{t('optionsNoDomains')}</p>
        ) : (
          <ul class="domains" aria-label={t('optionsDomainsLabel')}>
            {settings.customDomains.map((pattern) => (
              <li key={pattern}>
                <code>{pattern}</code>
                <button
                  type="button"
                  aria-label={t('optionsRemoveLabel', { domain: pattern })}
                  onClick={() => void onRemoveDomain(pattern)}
                >
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <MorePlatforms
        customDomains={settings.customDomains}
        onResult={async (result) => {
          setStatus({ kind: result.ok ? 'info' : 'error', text: result.message });
          if (result.ok) setSettings(await loadSettings());
        }}
      />

      <fieldset>
        <legend>{t('optionsDensityLegend')}</legend>
        {DENSITIES.map((density) => (
          <label class="radio" key={density.value}>
            <input
              type="radio"
              name="badge-density"
              value={density.value}
              checked={settings.badgeDensity === density.value}
              onChange={() => chooseDensity(density.value)}
            />
            <span>
              {t(density.label)} <span class="hint">({t(density.hint)})</span>
            </span>
          </label>
        ))}
      </fieldset>

      <p class={`status status--${status?.kind ?? 'info'}`} role={status?.kind === 'error' ? 'alert' : 'status'}>
        {status?.text}
      </p>
    </main>
  );
}

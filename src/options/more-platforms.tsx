// "More platforms": one button per platform; a click asks for its hosts' permission right then.
import { addPlatform, type DomainResult } from './domains';
import { t } from '../shared/i18n';
import { MORE_PLATFORMS, platformEnabled } from './platforms';

export interface MorePlatformsProps {
  customDomains: readonly string[];
  onResult: (result: DomainResult) => void | Promise<void>;
}

export function MorePlatforms({ customDomains, onResult }: MorePlatformsProps) {
  async function enable(id: string): Promise<void> {
    const platform = MORE_PLATFORMS.find((candidate) => candidate.id === id);
    // The permission request must be the first await: the click's user gesture is still valid.
    if (platform) await onResult(await addPlatform(platform, customDomains));
  }

  return (
    <fieldset>
      <legend>{t('optionsMorePlatforms')}</legend>
      <p class="hint">{t('optionsMorePlatformsHint')}</p>
      <ul class="platforms" aria-label={t('optionsMorePlatforms')}>
        {MORE_PLATFORMS.map((platform) => {
          const on = platformEnabled(platform, customDomains);
          return (
            <li key={platform.id}>
              <span>
                <strong>{platform.name}</strong> <span class="hint">({t(platform.where)})</span>
              </span>
              {on ? (
                <span class="platform-on">{t('optionsPlatformOn')}</span>
              ) : (
                <button type="button" name={`platform-${platform.id}`} onClick={() => void enable(platform.id)}>
                  {t('optionsTurnOn')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

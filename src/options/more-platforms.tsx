// "More platforms": one button per platform; a click asks for its hosts' permission right then.
import { addPlatform, type DomainResult } from './domains';
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
      <legend>More platforms</legend>
      <p class="hint">
        Off until you turn them on: each asks the browser for access to its pages at that moment, then Webhook Doctor reads
        them with its general scanner.
      </p>
      <ul class="platforms" aria-label="More platforms">
        {MORE_PLATFORMS.map((platform) => {
          const on = platformEnabled(platform, customDomains);
          return (
            <li key={platform.id}>
              <span>
                <strong>{platform.name}</strong> <span class="hint">({platform.where})</span>
              </span>
              {on ? (
                <span class="platform-on">On</span>
              ) : (
                <button type="button" name={`platform-${platform.id}`} onClick={() => void enable(platform.id)}>
                  Turn on
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

// Redaction as content.js can do it. The engine's redactor lives in content-extras.js (bundle
// budget), so text that could hold a secret waits for it and is left out of snapshots until then;
// text that cannot hold one is sent as it is, exactly as the redactor would return it.
import { MAY_HOLD_SECRET } from '../../engine/secret-hints';
import type { ExtrasLoader } from '../runtime/extras-loader';
import type { Redactor } from './snapshot';

export function createRedactor(extras: ExtrasLoader): Redactor {
  return (text) => {
    const loaded = extras.current;
    if (loaded) return loaded.redact(text);
    if (!MAY_HOLD_SECRET.test(text)) return text;
    void extras.load();
    return null;
  };
}

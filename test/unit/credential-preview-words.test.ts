import { describe, expect, it } from 'vitest';
import { ELLIPSIS, previewToken } from '../../src/engine/detect/credential/credential-preview';

describe('previews of values the classifier calls stand-ins', () => {
  // A word may be someone's real password however much it reads like a stand-in.
  it.each(['Glühwein', 'Señorita', 'changeme', 'ваш-токен', 'sk-密钥'])('hides the word-shaped %s', (value) => {
    expect(previewToken(value)).toBe(ELLIPSIS);
  });

  it.each(['xxxx', 'XXXXXXXX', '<api key>', '[token]', '{{token}}', '********', 'YOUR_API_KEY', 'REDACTED'])(
    'shows the blank or mask %s as typed',
    (value) => {
      expect(previewToken(value)).toBe(value);
    },
  );
});

// Whether a loosely printed body calls itself a failure is read inside that body only, and found
// without scanning the whole text back for a brace.
import { describe, expect, it } from 'vitest';
import { bodyDeclaresFailure } from '../../src/engine/detect/receiver/receiver-words-loose';

const declares = (text: string, key = '"description"'): boolean => {
  const start = text.indexOf(key);
  return bodyDeclaresFailure(text, start, start + key.length);
};

describe('a loose body that declares its own failure', () => {
  it('reads the flag inside the body, before or after the key, cut short or not', () => {
    expect(declares('{"ok":false,"error_code":401,"description":"Unauthorized"}')).toBe(true);
    expect(declares('{"description":"Unauthorized","ok":false}')).toBe(true);
    expect(declares('{"description":"Unauthorized", "result": {"x": 1}, "ok": false')).toBe(true);
  });

  it('takes no flag from the next body', () => {
    expect(declares('{"description":"Unauthorized"}\nthen later: {"ok":false}')).toBe(false);
  });

  it('finds no body without a brace near the key', () => {
    expect(declares(`{"ok":false} ${'x'.repeat(300)} "description":"Unauthorized"`)).toBe(false);
    expect(declares('description=Unauthorized ok=false', 'description')).toBe(false);
  });
});

describe('one reading of a failure flag for parsed and loose bodies', () => {
  it.each(['"type":"error"', '"status":"failed"', '"Status": "ERROR"', '"OK": false'])('a loose body flagged by %s fails', (flag) => {
    expect(declares(`{${flag}, "description":"Unauthorized"`)).toBe(true);
  });

  it.each(['"type":"warning"', '"status":"ok"', '"ok": true'])('a loose body marked by %s does not', (flag) => {
    expect(declares(`{${flag}, "description":"Unauthorized"`)).toBe(false);
  });
});

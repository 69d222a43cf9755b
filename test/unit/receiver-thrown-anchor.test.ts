// nextThrown tries THROWN only where a class name can start (the start of a run of class-name
// characters that holds a class ending). It must give exactly what a plain global scan with THROWN
// gives, on every evaluation text and on random text made of the characters that matter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClassEndings, nextThrown, THROWN } from '../../src/engine/detect/receiver/receiver-words-thrown';
import { loadSets } from '../eval/labels';

type Match = [number, string];

function anchored(text: string): Match[] {
  const found: Match[] = [];
  const endings = new ClassEndings(text);
  for (let match = nextThrown(text, 0, endings); match !== null; match = nextThrown(text, match.index + match[0].length, endings)) {
    found.push([match.index, match[0]]);
  }
  return found;
}

function everywhere(text: string): Match[] {
  const global = new RegExp(THROWN.source, 'g');
  return [...text.matchAll(global)].map((match) => [match.index, match[0]]);
}

describe('nextThrown finds what a global THROWN scan finds', () => {
  const texts = loadSets().flatMap((set) => set.items.map((item) => item.text));

  it('on every evaluation text', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const withMatches = texts.filter((text) => everywhere(text).length > 0);
    // The texts must exercise the scan, or the comparison proves nothing.
    expect(withMatches.length).toBeGreaterThan(5);
    for (const text of texts) expect(anchored(text), text).toEqual(everywhere(text));
  });

  it.each([
    'stripe.error.InvalidRequestError: Request req_1: No such customer',
    'a.b.c:FooError: x.ApiError: nested failure here',
    'x$ApiError: one\ny\\HttpError (two three)',
    'ErrorErrorFault: message text\nApiErrorException: more',
    '  [Services_Twilio_RestException]   \n  The number is not valid.',
    'prefix.ApiError:NoSpace then RequestError: spaced message',
  ])('%j', (text) => {
    expect(anchored(text)).toEqual(everywhere(text));
  });

  it('on random text of class-name parts and separators', () => {
    const part = fc.constantFrom(
      'Error',
      'Exception',
      'Fault',
      'Api',
      'x',
      '$',
      '.',
      '::',
      '\\',
      ':',
      ' ',
      '\t',
      '(',
      '[1]',
      ']',
      '\n',
      'msg',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(anchored(text)).toEqual(everywhere(text));
      }),
      { numRuns: 2000 },
    );
  });
});

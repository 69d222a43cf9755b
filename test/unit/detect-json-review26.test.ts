// Bodies the session-26 exclusions must not hide: a string left open inside a body that closes,
// the comma-for-colon typo, and bodies the writer or a data flag says are JSON (review of json26).
import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const reasons = (text: string) => detectJsonInText(text).map((finding) => finding.detail?.reason ?? '');

describe('a string left open with "..." inside a body that closes', () => {
  it('is a body with a broken string, not an excerpt', () => {
    expect(reasons('payload: {\n  "subject": "Big news...,\n  "a": 1\n}')).toHaveLength(1);
  });

  it('a body cut open where its string holds "..." is still an excerpt', () => {
    expect(reasons('payload: {"subject": "Big news...\n\nnext paragraph')).toEqual([]);
  });
});

describe('a comma typed for a colon', () => {
  it.each([
    'payload: {"email": "a@b.com", "name", "Ann"}',
    'we posted {"email": "a@b.com", "name", "Ann"} to the hook',
    'JSON body: {"email", "a@b.com"}',
    `curl -d '{"email", "a@b.com"}' https://x.example`,
  ])('%s is found', (text) => {
    expect(reasons(text)).toEqual([expect.stringMatching(/missing colon/)]);
  });

  it('a tuple nested in an Erlang term is still no body', () => {
    expect(reasons('error: {failed_connect, [{to_address,{"127.0.0.1",8080}}]}')).toEqual([]);
  });
});

describe('bodies declared JSON or sent by a data flag are judged as JSON', () => {
  it.each([
    ["JSON body: {email: 'a@b.com'}", /unquoted key|single quotes/],
    [`wget --post-data '{"n":"O\\'Brien"}' https://x.example`, /./],
    [`http POST x.example/hook --raw '{"n":"O\\'Brien"}'`, /./],
  ])('%s is found', (text, reason) => {
    expect(reasons(text)).toEqual([expect.stringMatching(reason)]);
  });
});

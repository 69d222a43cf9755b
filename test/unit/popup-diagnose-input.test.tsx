import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnoseInput } from '../../src/popup/diagnose-input';
import { requiredFieldsFor } from '../../src/engine/catalog/endpoints';

const POPLAR = 'https://api.heypoplar.com/v1/mailing/';

const keysOf = (text: string, options = {}) => diagnoseInput(text, options).map((d) => d.key);

describe('diagnoseInput', () => {
  it.each([
    ['a Klaviyo log line', 'Webhook failed: HTTP 429 Response Code', ['http:429']],
    ['a Braze test dialog status line', '404 Not Found', ['http:404']],
    [
      'a Customer.io network error',
      'Post "https://x.example/hook": dial tcp 10.0.0.1:443: connect: connection refused',
      ['network:connection-refused'],
    ],
    ['a masked token header', 'Authorization: Bearer ###', ['credential:masked-token']],
    ['a header with no scheme', 'Authorization: 5f2b9c0e7a1d4e3f9b8c', ['credential:missing-bearer-prefix']],
    ['a placeholder left in an API-key header', 'X-Api-Key: {{ api_key }}', ['credential:placeholder-token']],
    ['a JSON body with a trailing comma', '{"campaign_id": "abc",}', ['json:invalid-json']],
  ])('%s', (_name, text, expected) => {
    expect(keysOf(text)).toEqual(expected);
  });

  it.each([
    ['empty text', ''],
    ['only spaces', '   \n\t'],
    ['plain words', 'Everything went fine today'],
    ['numbers that are not status codes', 'Retry in 400 ms for order #404, 500 recipients'],
    ['a valid JSON body', '{"campaign_id":"abc","recipient":{"address_1":"1 Main St","city":"X","state":"CA","postal_code":"90001"}}'],
    ['a good Authorization header', 'Authorization: Bearer 5f2b9c0e7a1d4e3f9b8c'],
  ])('%s → nothing', (_name, text) => {
    expect(diagnoseInput(text)).toEqual([]);
  });

  it('checks the fields the selected destination requires', () => {
    const body = '{"campaign_id":"abc","recipient":{"city":"Springfield"}}';
    expect(keysOf(body)).toEqual([]);
    const withPoplar = diagnoseInput(body, { endpointUrl: POPLAR, requiredFields: requiredFieldsFor(POPLAR) });
    expect(withPoplar.map((d) => d.key)).toEqual(['json:missing-required-field']);
  });

  it('counts a header line once although two checks see it', () => {
    const [only, ...rest] = diagnoseInput('Authorization: Bearer ###');
    expect(rest).toEqual([]);
    expect(only?.count).toBe(1);
  });

  it('counts repeated log lines and orders setup problems first', () => {
    const text = ['HTTP 429 Response Code', 'HTTP 500 Response Code', 'HTTP 500 Response Code', 'Authorization: Bearer ###'].join('\n');
    const results = diagnoseInput(text);
    expect(results.map((d) => [d.key, d.count])).toEqual([
      ['credential:masked-token', 1],
      ['http:500', 2],
      ['http:429', 1],
    ]);
  });

  it('applies the provider layer', () => {
    const [klaviyo] = diagnoseInput('HTTP 429 Response Code', { provider: 'klaviyo' });
    expect(klaviyo?.diagnosis.whereToLook).toBeTruthy();
  });

  it('never puts the pasted token in an excerpt', () => {
    const token = 'SENTINEL_tok_9f8e7d6c5b4a3';
    const results = diagnoseInput(`Authorization: ${token}\nHTTP 403 Forbidden`);
    expect(results.length).toBeGreaterThan(0);
    expect(JSON.stringify(results.map((r) => r.excerpts))).not.toContain(token);
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (text, poplar) => {
        const results = diagnoseInput(text, poplar ? { endpointUrl: POPLAR, requiredFields: requiredFieldsFor(POPLAR) } : {});
        expect(Array.isArray(results)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('receiver body rules', () => {
  it("reports what the destination's body rules miss: Slack text, a JSON body to Twilio", () => {
    const slack = diagnoseInput('{"channel": "#ops"}', {
      endpointUrl: 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnop',
    });
    expect(slack.map((entry) => entry.key)).toContain('json:missing-required-field');
    expect(slack.find((entry) => entry.key === 'json:missing-required-field')?.diagnosis.title).toContain('text or blocks');
    const twilio = diagnoseInput('{"To": "+14155552671"}', {
      endpointUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
    });
    expect(twilio.map((entry) => entry.key)).toContain('json:wrong-body-format');
    expect(diagnoseInput('{"channel": "#ops"}').map((entry) => entry.key)).not.toContain('json:missing-required-field');
  });
});

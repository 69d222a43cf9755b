// Receiver layers: each is recognised from its URL, reads the error strings its vendor documents,
// and checks requests against its documented credential and body rules.
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseText } from '../../src/engine';
import { ENDPOINT_LAYERS, endpointFor, problemEntry } from '../../src/engine/catalog';
import { endpointInText } from '../../src/engine/catalog/endpoints';
import { checkReceiverRequest, type RequestDraft } from '../../src/engine/detect/receiver/receiver-request';

const URLS: Readonly<Record<string, string>> = {
  slack: 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/abcdefghijklmnopqrstuvwx',
  discord: 'https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJ-0123456789',
  zapier: 'https://hooks.zapier.com/hooks/catch/1234567/abc1def/',
  'apps-script': 'https://script.google.com/macros/s/AKfycbx1234567890abcdefghij/exec',
  segment: 'https://api.segment.io/v1/track',
  twilio: 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
  shopify: 'https://acme-store.myshopify.com/admin/api/2025-01/customers.json',
  'hubspot-crm': 'https://api.hubapi.com/crm/v3/objects/contacts',
  lob: 'https://api.lob.com/v1/postcards',
  airtable: 'https://api.airtable.com/v0/appABCDEF123456/Leads',
  poplar: 'https://api.heypoplar.com/v1/mailing/',
  'teams-workflows':
    'https://prod-12.westus.logic.azure.com:443/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbCdEfGh1234567890',
  make: 'https://hook.eu1.make.com/abcdefghij0123456789klmn',
};

const LOOKALIKES = [
  'https://hooks.slack.com.evil.example/services/T0/B0/x',
  'https://slack.com/services/T0/B0/x',
  'https://discord.com/channels/1/2',
  'https://zapier.com/app/editor/123',
  'https://script.google.com/home',
  'https://segment.com/docs',
  'https://www.twilio.com/docs/messaging',
  'https://myshopify.com/admin/api/2025-01/orders.json',
  'https://acme-store.myshopify.com/products/shirt',
  'https://app.hubspot.com/contacts/123',
  'https://lob.com/pricing',
  'https://airtable.com/appABC/tblDEF',
  'https://example.com/hooks/catch/1/abc',
  'https://www.make.com/en/help/tools/webhooks',
  'https://logic.azure.com.evil.example/workflows/x',
];

describe('receiver registry', () => {
  it('has at least ten receivers beside Poplar, each with https sources from its vendor', () => {
    expect(ENDPOINT_LAYERS.length).toBeGreaterThanOrEqual(11);
    for (const layer of ENDPOINT_LAYERS) {
      expect(layer.sources.length).toBeGreaterThan(0);
      for (const source of layer.sources) expect(source).toMatch(/^https:\/\//);
    }
  });

  it.each(Object.entries(URLS))('recognises %s from its URL', (id, url) => {
    expect(endpointFor(url)?.id).toBe(id);
    expect(endpointFor(`  ${url}  `)?.id).toBe(id);
    expect(endpointInText(`POST ${url} failed`)?.layer.id).toBe(id);
  });

  it.each(LOOKALIKES)('does not claim %s', (url) => {
    expect(endpointFor(url)).toBeUndefined();
  });

  it('stays cheap on a hostile URL', () => {
    expect(endpointFor(`https://${'a.'.repeat(200_000)}slack.com/services/`)).toBeUndefined();
    expect(endpointInText(`${'https://x'.repeat(50_000)}`)).toBeUndefined();
  });

  it('has a catalog entry for every documented error status and a non-empty meaning and steps', () => {
    for (const layer of ENDPOINT_LAYERS) {
      for (const error of layer.errors ?? []) {
        expect(error.status).toBeGreaterThanOrEqual(400);
        expect(error.meaning.length).toBeGreaterThan(20);
        expect(error.steps.length).toBeGreaterThan(0);
      }
    }
  });
});

/** A log line as an ESP shows it, the receiver's answer, and what the diagnosis must say. */
const DOCUMENTED: readonly [string, string, number, string, RegExp][] = [
  ['slack', 'HTTP 400 Bad Request: invalid_payload', 400, 'invalid_payload', /Content-Type/],
  ['slack', 'failed with 400 no_text', 400, 'no_text', /"text"/],
  ['slack', '403 Forbidden action_prohibited', 403, 'action_prohibited', /admin/],
  ['slack', 'status: 404 no_service', 404, 'no_service', /new webhook/],
  ['slack', 'HTTP 410 Gone channel_is_archived', 410, 'channel_is_archived', /Unarchive/],
  ['discord', '404 Not Found {"message": "Unknown Webhook", "code": 10015}', 404, 'Unknown Webhook', /Webhooks/],
  ['discord', '401 Unauthorized {"message": "Invalid Webhook Token", "code": 50027}', 401, 'Invalid Webhook Token', /webhook URL/],
  ['discord', 'HTTP 400 {"message": "Cannot send an empty message", "code": 50006}', 400, 'Cannot send an empty message', /content/],
  [
    'discord',
    '429 Too Many Requests {"message": "You are being rate limited.", "retry_after": 1.5, "global": false}',
    429,
    'You are being rate limited',
    /retry_after/,
  ],
  ['twilio', 'HTTP 400 {"code": 21604, "message": "A \'To\' phone number is required.", "status": 400}', 400, '21604', /form-encoded/],
  ['twilio', '401 Unauthorized {"code": 20003, "message": "Authenticate"}', 401, '20003', /AccountSid/],
  ['twilio', 'HTTP 400 {"code": 21610, "message": "Attempt to send to unsubscribed recipient"}', 400, '21610', /START/],
  [
    'shopify',
    '401 Unauthorized {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}',
    401,
    'Invalid API key or access token',
    /X-Shopify-Access-Token/,
  ],
  [
    'shopify',
    '429 Too Many Requests {"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}',
    429,
    'Exceeded calls per second',
    /Retry-After/,
  ],
  [
    'hubspot-crm',
    '409 Conflict {"status":"error","message":"Contact already exists. Existing ID: 12345","category":"CONFLICT"}',
    409,
    'Contact already exists',
    /idProperty/,
  ],
  ['hubspot-crm', '403 Forbidden {"status":"error","category":"MISSING_SCOPES"}', 403, 'MISSING_SCOPES', /scope/],
  [
    'airtable',
    '422 {"error":{"type":"UNKNOWN_FIELD_NAME","message":"Unknown field name: \\"Emial\\""}}',
    422,
    'UNKNOWN_FIELD_NAME',
    /field name/,
  ],
  [
    'airtable',
    '403 {"error":{"type":"INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND"}}',
    403,
    'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND',
    /data\.records:write/,
  ],
  [
    'discord',
    'HTTP 400 {"message": "The request body contains invalid JSON.", "code": 50109}',
    400,
    'The request body contains invalid JSON',
    /valid JSON/,
  ],
  [
    'discord',
    '400 Bad Request {"message": "Webhooks posted to forum channels must have a thread_name or thread_id", "code": 220001}',
    400,
    'must have a thread_name or thread_id',
    /thread_name/,
  ],
  ['discord', '413 {"message": "Request entity too large", "code": 40005}', 413, 'Request entity too large', /10 embeds/],
  [
    'discord',
    'HTTP 400 {"code": 50035, "errors": {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH"}]}}, "message": "Invalid Form Body"}',
    400,
    'Invalid Form Body',
    /Content-Type/,
  ],
  ['twilio', 'HTTP 400 {"code": 21603, "message": "A \'From\' phone number is required.", "status": 400}', 400, '21603', /form-encoded/],
  ['twilio', 'HTTP 400 {"code": 21602, "message": "Message body is required.", "status": 400}', 400, '21602', /form-encoded/],
  [
    'twilio',
    'HTTP 400 {"code": 21608, "message": "The number is unverified. Trial accounts cannot send messages to unverified numbers"}',
    400,
    '21608',
    /Verified Caller IDs/,
  ],
  ['twilio', 'HTTP 400 {"code": 21211, "message": "The \'To\' number 5551234567 is not a valid phone number."}', 400, '21211', /E\.164/],
  ['twilio', '429 Too Many Requests {"code": 20429, "message": "Too Many Requests"}', 429, '20429', /growing pauses/],
  [
    'shopify',
    '403 Forbidden {"errors":"[API] This action requires merchant approval for write_orders scope."}',
    403,
    'requires merchant approval',
    /Admin API scopes/,
  ],
  [
    'lob',
    '422 {"error":{"message":"address is undeliverable","status_code":422,"code":"failed_deliverability_strictness"}}',
    422,
    'failed_deliverability_strictness',
    /strictness/,
  ],
  [
    'lob',
    'HTTP 403 {"error":{"message":"This operation requires a secret key","status_code":403,"code":"publishable_key_not_allowed"}}',
    403,
    'publishable_key_not_allowed',
    /secret API key/,
  ],
  [
    'lob',
    '422 Unprocessable {"error":{"status_code":422,"code":"mail_use_type_can_not_be_null"}}',
    422,
    'mail_use_type_can_not_be_null',
    /use_type/,
  ],
  ['lob', 'status 429 {"error":{"status_code":429,"code":"rate_limit_exceeded"}}', 429, 'rate_limit_exceeded', /more slowly/],
];

describe('documented error strings', () => {
  it.each(DOCUMENTED)('%s: %s', (id, line, code, errorId, stepPattern) => {
    const url = URLS[id] ?? '';
    const [result] = diagnoseText(line, { endpointUrl: url }).filter((item) => item.finding.kind === 'http');
    expect(result?.finding.code).toBe(code);
    expect(result?.finding.detail?.receiverError).toBe(errorId);
    expect(result?.diagnosis.title).toContain(errorId);
    expect(result?.diagnosis.steps.join(' ')).toMatch(stepPattern);
    expect(result?.diagnosis.sources).toEqual(expect.arrayContaining([...(endpointFor(url)?.sources ?? [])]));
  });

  it("cites a numbered error's own vendor page (Twilio)", () => {
    const [result] = diagnoseText('HTTP 400 {"code": 21604, "message": "A \'To\' phone number is required."}', {
      endpointUrl: URLS.twilio ?? '',
    });
    expect(result?.diagnosis.sources[0]).toBe('https://www.twilio.com/docs/api/errors/21604');
  });

  it('reads the receiver from a URL on the same log line when the context has none', () => {
    const [result] = diagnoseText(`POST ${URLS.slack} -> 404 Not Found (no_service)`);
    expect(result?.finding.detail?.receiverError).toBe('no_service');
    expect(result?.diagnosis.meaning).toMatch(/^Slack incoming webhook:/);
  });

  it('does not apply a receiver whose URL is on another line', () => {
    const results = diagnoseText(`sent to ${URLS.slack}\nHTTP 404 Not Found`);
    expect(results[0]?.finding.detail).toBeUndefined();
    expect(results[0]?.diagnosis.meaning).not.toMatch(/Slack/);
  });

  it('turns a documented error string alone into its status when the receiver is known', () => {
    const [result] = diagnoseText('Slack answered: channel_is_archived', { endpointUrl: URLS.slack });
    expect(result?.finding.code).toBe(410);
    expect(result?.diagnosis.title).toBe('410 Gone: channel_is_archived');
  });

  it('leaves the same words alone for another receiver', () => {
    expect(diagnoseText('no_service', { endpointUrl: URLS.discord })).toEqual([]);
    expect(diagnoseText('no_service')).toEqual([]);
  });
});

describe('what each receiver adds to the generic advice', () => {
  const stepsFor = (id: string, code: number, provider?: 'braze') =>
    diagnose(
      { kind: 'http', code, problem: null, start: 0, end: 0, excerpt: String(code) },
      { endpointUrl: URLS[id] ?? '', ...(provider ? { provider } : {}) },
    );

  it('Apps Script: a 302 is the normal answer, the script ran, and Braze does not follow it', () => {
    const [found] = diagnoseText('Webhook error: 302 Found', { endpointUrl: URLS['apps-script'], provider: 'braze' });
    expect(found?.finding.code).toBe(302);
    expect(found?.diagnosis.meaning).toMatch(/script\.googleusercontent\.com/);
    expect(found?.diagnosis.steps[0]).toMatch(/Do not resend/);
    expect(found?.diagnosis.steps.join(' ')).toMatch(/Braze does not/);
  });

  it('Apps Script: a 302 elsewhere is not a finding', () => {
    expect(diagnoseText('Webhook error: 302 Found', { endpointUrl: URLS.slack })).toEqual([]);
    expect(diagnoseText('Webhook error: 302 Found')).toEqual([]);
    expect(diagnoseText('Order 302 shipped', { endpointUrl: URLS['apps-script'] })).toEqual([]);
  });

  it('Segment: a body without a user ID gets a 200 and is dropped; the Debugger and the EU endpoint say why', () => {
    const diagnosis = diagnose(
      {
        kind: 'json',
        code: null,
        problem: 'missing-required-field',
        start: 0,
        end: 0,
        excerpt: '',
        detail: { fields: ['userId or anonymousId'] },
      },
      { endpointUrl: URLS.segment ?? '' },
    );
    expect(diagnosis.meaning).toMatch(/answers 200 even to events it drops/);
    expect(diagnosis.steps.join(' ')).toMatch(/Debugger/);
    expect(diagnosis.steps.join(' ')).toMatch(/events\.eu1\.segmentapis\.com/);
  });

  it.each([
    ['zapier', 410, /turned off or deleted/],
    ['discord', 429, /retry_after/],
    ['airtable', 429, /30 seconds/],
    ['shopify', 402, /frozen/],
    ['segment', 400, /32 KB/],
    ['lob', 500, /Idempotency-Key/],
    ['hubspot-crm', 429, /TEN_SECONDLY_ROLLING/],
    ['teams-workflows', 410, /retired the Office 365 connectors/],
    ['teams-workflows', 429, /four requests a second/],
    ['make', 404, /each scenario has its own webhook/],
    ['twilio', 401, /AccountSid:AuthToken/],
    ['slack', 429, /one message per second/],
  ])('%s %i', (id, code, pattern) => {
    const diagnosis = stepsFor(id, code);
    expect(`${diagnosis.meaning} ${diagnosis.steps.join(' ')}`).toMatch(pattern);
  });
});

function draft(url: string, headers: [string, string][], body: string | null = null): RequestDraft {
  return { url, headers: headers.map(([name, value]) => ({ name, value })), body };
}

const problems = (request: RequestDraft) =>
  checkReceiverRequest(request).map(({ target, finding }) => [
    typeof target === 'object' ? `header ${target.header}` : target,
    finding.problem,
  ]);

describe('request checks', () => {
  it('Slack: a body without text or blocks, and a header the URL makes useless', () => {
    const issues = checkReceiverRequest(
      draft(URLS.slack ?? '', [['Authorization', 'Bearer xoxb-123']], '{"channel": "#ops", "username": "bot"}'),
    );
    expect(issues.map((issue) => issue.finding.problem).sort()).toEqual(['missing-required-field', 'secret-belongs-in-url']);
    expect(issues.find((issue) => issue.target === 'body')?.finding.detail?.fields).toEqual(['text or blocks or attachments']);
    expect(checkReceiverRequest(draft(URLS.slack ?? '', [], '{"text": "New signup: {{ email }}"}'))).toEqual([]);
  });

  it('Slack and Discord: a URL cut before its secret', () => {
    expect(problems(draft('https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/', []))).toEqual([['url', 'incomplete-webhook-url']]);
    expect(problems(draft('https://discord.com/api/webhooks/123456789012345678', [['Authorization', 'Bot abc']]))).toEqual([
      ['url', 'incomplete-webhook-url'],
      ['header 0', 'secret-belongs-in-url'],
    ]);
  });

  it('Discord: content, embeds, components or poll', () => {
    expect(problems(draft(URLS.discord ?? '', [], '{"username": "ESP"}'))).toEqual([['body', 'missing-required-field']]);
    expect(problems(draft(URLS.discord ?? '', [], '{"embeds": [{"title": "x"}]}'))).toEqual([]);
  });

  it('Twilio: JSON instead of form fields, Bearer instead of Basic, a Basic user that is not a SID', () => {
    expect(problems(draft(URLS.twilio ?? '', [], '{"To": "+14155552671", "Body": "hi"}'))).toEqual([['body', 'wrong-body-format']]);
    expect(problems(draft(URLS.twilio ?? '', [], 'To=%2B14155552671&Body=hi'))).toEqual([['body', 'missing-required-field']]);
    expect(checkReceiverRequest(draft(URLS.twilio ?? '', [], 'To=%2B14155552671&Body=hi'))[0]?.finding.detail?.fields).toEqual([
      'From or MessagingServiceSid',
    ]);
    expect(problems(draft(URLS.twilio ?? '', [], 'To=%2B1&From=%2B2&Body=hi'))).toEqual([]);
    expect(problems(draft(URLS.twilio ?? '', [['Authorization', 'Bearer abc']]))).toEqual([['header 0', 'wrong-auth-scheme']]);
    const wrongUser = `Basic ${btoa('me@example.com:secret')}`;
    expect(problems(draft(URLS.twilio ?? '', [['Authorization', wrongUser]]))).toEqual([['header 0', 'basic-wrong-user']]);
    const right = `Basic ${btoa(`AC${'0'.repeat(32)}:token`)}`;
    expect(problems(draft(URLS.twilio ?? '', [['Authorization', right]]))).toEqual([]);
  });

  it('Shopify: Authorization: Bearer instead of X-Shopify-Access-Token, and Bearer inside it', () => {
    const [issue] = checkReceiverRequest(
      draft(URLS.shopify ?? '', [
        ['Content-Type', 'application/json'],
        ['Authorization', 'Bearer shpat_abc'],
      ]),
    );
    expect(issue?.target).toEqual({ header: 1 });
    expect(issue?.finding.problem).toBe('wrong-auth-header');
    expect(issue?.finding.detail?.expected).toBe('X-Shopify-Access-Token');
    expect(problems(draft(URLS.shopify ?? '', [['X-Shopify-Access-Token', 'Bearer shpat_abc']]))).toEqual([
      ['header 0', 'wrong-auth-scheme'],
    ]);
    expect(problems(draft(URLS.shopify ?? '', [['X-Shopify-Access-Token', 'shpat_abc']]))).toEqual([]);
  });

  it('Lob: a publishable key, and a secret key accepted', () => {
    expect(problems(draft(URLS.lob ?? '', [['Authorization', `Basic ${btoa('test_pub_abc:')}`]]))).toEqual([
      ['header 0', 'basic-wrong-user'],
    ]);
    expect(
      problems(draft(URLS.lob ?? '', [['Authorization', `Basic ${btoa('test_abc123:')}`]], '{"to": "adr_1", "front": "x", "back": "y"}')),
    ).toEqual([]);
    expect(problems(draft(URLS.lob ?? '', [], 'to=adr_1&front=x'))).toEqual([['body', 'missing-required-field']]);
  });

  it('Segment, Airtable and HubSpot: the fields they need', () => {
    expect(checkReceiverRequest(draft(URLS.segment ?? '', [], '{"properties": {}}'))[0]?.finding.detail?.fields).toEqual([
      'userId or anonymousId',
      'event',
    ]);
    expect(problems(draft(URLS.airtable ?? '', [], '{"Name": "x"}'))).toEqual([['body', 'missing-required-field']]);
    expect(
      problems(draft(URLS['hubspot-crm'] ?? '', [['Authorization', 'Bearer pat-na1-x']], '{"properties": {"email": "a@b.c"}}')),
    ).toEqual([]);
    expect(problems(draft(URLS['hubspot-crm'] ?? '', [], '{"email": "a@b.c"}'))).toEqual([['body', 'missing-required-field']]);
  });

  it('Teams workflows: a URL without its sig, a token header, a body with nothing to post, 28 KB', () => {
    const url = URLS['teams-workflows'] ?? '';
    const noSig = url.replace(/&sig=.*$/, '');
    expect(problems(draft(noSig, []))).toEqual([['url', 'incomplete-webhook-url']]);
    const [header] = checkReceiverRequest(draft(url, [['Authorization', 'Bearer eyJ0eXAi']]));
    expect(header?.finding.problem).toBe('secret-belongs-in-url');
    expect(header?.finding.detail?.expected).toMatch(/sig=/);
    // Workflows post MessageCards too (without buttons), so the old connector body is no mistake.
    expect(problems(draft(url, [], '{"@type": "MessageCard", "text": "hi"}'))).toEqual([]);
    expect(problems(draft(url, [], '{"type": "message", "attachments": []}'))).toEqual([]);
    expect(problems(draft(url, [], '{"type": "message", "summary": "hi"}'))).toEqual([['body', 'missing-required-field']]);
    const big = JSON.stringify({ type: 'message', attachments: [{ content: 'x'.repeat(29 * 1024) }] });
    expect(checkReceiverRequest(draft(url, [], big))[0]?.finding.detail?.expected).toBe('at most 28 KB');
    expect(problems(draft('https://acme.webhook.office.com/webhookb2/abc', []))).toEqual([]);
  });

  it('size limits: Discord content, Twilio Body, a Segment call', () => {
    const [discordLong] = checkReceiverRequest(draft(URLS.discord ?? '', [], JSON.stringify({ content: 'x'.repeat(2001) })));
    expect(discordLong?.finding.problem).toBe('body-too-large');
    expect(discordLong?.finding.detail?.fields).toEqual(['content (at most 2000 characters)']);
    expect(problems(draft(URLS.discord ?? '', [], JSON.stringify({ content: 'é'.repeat(2000) })))).toEqual([]);
    expect(problems(draft(URLS.twilio ?? '', [], `To=%2B1&From=%2B2&Body=${'a'.repeat(1601)}`))).toEqual([['body', 'body-too-large']]);
    const big = JSON.stringify({ userId: '1', event: 'x', properties: { blob: 'y'.repeat(33 * 1024) } });
    expect(checkReceiverRequest(draft(URLS.segment ?? '', [], big))[0]?.finding.detail?.expected).toBe('at most 32 KB');
    expect(
      problems(
        draft('https://api.segment.io/v1/batch', [], `{"batch": [${JSON.stringify({ userId: '1', blob: 'y'.repeat(33 * 1024) })}]}`),
      ),
    ).toEqual([]);
  });

  it('Apps Script: a /dev URL is unusable for a webhook, the /exec URL is fine', () => {
    const dev = (URLS['apps-script'] ?? '').replace(/\/exec$/, '/dev');
    const [issue] = checkReceiverRequest(draft(dev, [['Authorization', 'Bearer x']], '{"a": 1}'));
    expect(problems(draft(dev, []))).toEqual([['url', 'unusable-webhook-url']]);
    expect(issue?.finding.detail?.expected).toMatch(/ending in \/exec/);
    expect(problems(draft(URLS['apps-script'] ?? '', []))).toEqual([]);
    expect(problems(draft('https://script.google.com/macros/s/{{ deployment }}/dev', []))).toEqual([]);
    const diagnosis = diagnose({ ...issue!.finding }, { endpointUrl: dev });
    expect(diagnosis.steps.join(' ')).toMatch(/versioned deployment/);
  });

  it('a URL cut short names where its secret comes from', () => {
    const [issue] = checkReceiverRequest(draft('https://hooks.zapier.com/hooks/catch/1234567/', []));
    expect(issue?.finding.problem).toBe('incomplete-webhook-url');
    expect(issue?.finding.detail?.expected).toMatch(/Webhooks by Zapier trigger/);
  });

  it('Make: a URL without its token', () => {
    expect(problems(draft('https://hook.eu1.make.com/', []))).toEqual([['url', 'incomplete-webhook-url']]);
    expect(problems(draft(URLS.make ?? '', [], '{"any": "thing"}'))).toEqual([]);
  });

  it('skips what it cannot read yet: template tags, invalid JSON, unknown URLs', () => {
    expect(problems(draft(URLS.twilio ?? '', [['Authorization', '{{ twilio_auth }}']]))).toEqual([]);
    expect(problems(draft(URLS.slack ?? '', [], '{"text": '))).toEqual([]);
    expect(problems(draft('https://example.com/hook', [['Authorization', 'Bearer x']], '{}'))).toEqual([]);
  });

  it('has a catalog entry for every problem it reports', () => {
    for (const id of [
      'wrong-auth-header',
      'wrong-auth-scheme',
      'basic-wrong-user',
      'secret-belongs-in-url',
      'incomplete-webhook-url',
      'unusable-webhook-url',
      'wrong-body-format',
      'body-too-large',
    ]) {
      expect(problemEntry(id)?.steps.length).toBeGreaterThan(0);
    }
  });
});

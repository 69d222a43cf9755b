// The receiver's words where no parsed body lies around them: a body glued to its status's words,
// a key/value record of the answer in a line of prose, a quote the writer presents as what came
// back, an issue title the body repeats as printed output. And who is not the receiver: the
// writer's own webhook-signature check, a UI's apology, code, proposals. Made-up texts.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): string | undefined =>
  findAll(text).find((finding) => finding.detail?.receiverMessage)?.detail?.receiverMessage;

/** Each text gives the message beside it. */
const eachGives = (cases: Array<[string, string]>): void =>
  it.each(cases)('%s', (text, message) => {
    expect(quoted(text)).toBe(message);
  });

/** No text gives a message. */
const eachSilent = (cases: string[]): void =>
  it.each(cases)('gives no message: %s', (text) => {
    expect(quoted(text)).toBe(undefined);
  });

describe('a body glued to its status', () => {
  eachGives([
    [
      'Sandbox says hi!Unauthorized{"errors":[{"message":"The grant for this relay was revoked","field":null}]}',
      'The grant for this relay was revoked',
    ],
    ['# RelayCLI::API::ClientError: 402{"errors":"Workspace suspended for unpaid invoices"}', 'Workspace suspended for unpaid invoices'],
  ]);
  // Glued to other words, the body is nobody's.
  eachSilent(['Build 12 ok preset{"errors":[{"message":"The grant for this relay was revoked"}]}']);
});

describe("the writer's own webhook-signature check is not the receiver", () => {
  eachSilent([
    'relay._error.SignatureVerificationError: No signatures found matching the expected signature for payload',
    '# WebhookVerificationError: No matching signature found\nverify fails with\n```\nhooks.WebhookVerificationError: No matching signature found\n```',
  ]);
});

describe('a key/value record of the answer outside JSON', () => {
  eachGives([
    [
      'Store Code: SignatureDoesNotMatch, Message:The signature we computed does not match the one you sent.status:403',
      'The signature we computed does not match the one you sent',
    ],
    ['upload failed: Status Code: "401" Message: "Access key is expired for this bucket"', 'Access key is expired for this bucket'],
    [
      'java.lang.RuntimeException: com.acme.store.StoreException: Bucket quota exceeded (Service: Acme Store; Status Code: 409; Error Code: QuotaExceeded; Request ID: 1A2B3C)',
      'Bucket quota exceeded',
    ],
  ]);
  eachSilent([
    // No code or status key beside the message key.
    'draft saved\nMessage: Invalid template variable in the footer block',
    // Quoted keys are a body's, and a documented one is no answer.
    'Errors are returned with the following structure:\n{"code": "E1", "message": "Token is invalid"}',
  ]);
  it('reads a record after a long run of blanks from the record back (a regex from every place hung)', () => {
    const blanks = ' '.repeat(60_000);
    expect(quoted(`HTTP 403 Status Code:${blanks}x`)).toBe(undefined);
    expect(quoted(`HTTP 403 ${blanks}Bucket quota exceeded (Service: Acme Store; Status Code: 409; Error Code: Q)`)).toBe(
      'Bucket quota exceeded',
    );
  });
});

describe('a quote the writer presents as what came back', () => {
  eachGives([
    [
      'Every call to the API keeps failing and it returned "Signing key is not valid for this workspace" each time.',
      'Signing key is not valid for this workspace',
    ],
    [
      'I am getting this error message when I open the orders panel:\n`[API] Merchant approval is required for the orders scope.`',
      '[API] Merchant approval is required for the orders scope.',
    ],
    [
      '## Actual\nERROR: `The sender address is not a verified identity on this account`\nand the request stops.',
      'The sender address is not a verified identity on this account',
    ],
  ]);
  eachSilent([
    // A proposal, code, a UI's apology, the writer's local program (no remote party), a bare class of failure.
    'The API should return "Signing key is not valid for this workspace" instead.',
    'server.js: res.status(401).json({ error: "Signing key is not valid for this workspace" })',
    'Saving the webhook on the server, the dashboard shows "Whoops, something went wrong. Please try again later." again.',
    'The plugin throws "Signing key is not valid for this workspace" when it starts.',
    'No matter what, the API widget shows "API Error: Invalid data" for me.',
  ]);

  it('redacts a token the quoted message holds', () => {
    const message = quoted('The API returned "Token sk_live_51HqLyjWDarjtT1zdp7dcAbCdEfGhIjKl is not valid for this account" again.');
    expect(message).toBeDefined();
    expect(message).not.toContain('sk_live_51HqLyjWDarjtT1zdp7dcAbCdEfGhIjKl');
    expect(message).toContain('is not valid for this account');
  });
});

describe('an issue title the body repeats as printed output', () => {
  eachGives([
    [
      '# Delivery rejected: target workspace is archived and read only\nWe post to the API from our worker.\n\nworker log:\n```\n[warn] push: Delivery rejected: target workspace is archived and read only\n```',
      'Delivery rejected: target workspace is archived and read only',
    ],
  ]);
  eachSilent([
    // A task, a topic of a few words, a body that opens by restating the title.
    '# Handle archived workspace errors on the API\nworker log:\npush: Handle archived workspace errors on the API',
    '# Invalid API Key\nThe server answered\nBody: Invalid API key',
    '# Webhook settings fail to save on the API with an error\nWebhook settings fail to save on the API with an error, see below.',
  ]);
});

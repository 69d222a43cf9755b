// Readers of the receiver's answer added in session 20, each with look-alikes of the same shape.
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/engine/find';

const quoted = (text: string): (string | undefined)[] =>
  findAll(text)
    .map((finding) => finding.detail?.receiverMessage)
    .filter((message) => message !== undefined);

describe('an error body pasted into a text that reports nothing else', () => {
  it('takes the message under a top-level error key as what came back', () => {
    expect(quoted('# Keys rejected\nI have\n```json\n{\n  "error": "Invalid API key for this resource."\n}\n```')).toEqual([
      'Invalid API key for this resource.',
    ]);
    expect(quoted('### Describe the bug\n{"errors": [{"message": "The campaign_id parameter is required"}]}')).toEqual([
      'The campaign_id parameter is required',
    ]);
    expect(quoted('Sending stopped yesterday.\n{"errcode": 310000, "errmsg": "keywords not in content"}')).toEqual([
      'keywords not in content',
    ]);
  });

  it('leaves a body whose error key only restates a status or names a class of failure', () => {
    expect(quoted('# Cannot crawl\nI have\n```\n{"error":"Unauthorized"}\n```\nThe key came from the dashboard.')).toEqual([]);
    expect(quoted('# Cannot crawl\nI have\n```\n{"error":"Validation Error"}\n```\nThe key came from the dashboard.')).toEqual([]);
  });

  it('leaves bodies without an error key, and error keys that say nothing failed', () => {
    expect(quoted('# Contact sync\nI have\n{"message": "Contact created", "id": 42}')).toEqual([]);
    expect(quoted('# Contact sync\nI have\n{"error": null, "errors": [], "message": "Queued for sending"}')).toEqual([]);
    // A delivery row that succeeded: the body says so, or its error key is empty.
    expect(findAll('200  Response: {"status":"success","errors":{},"message":"Event accepted"}')).toEqual([]);
    expect(findAll('200 Response: {"errors":{},"message":"Event accepted"}')).toEqual([]);
    expect(findAll('200 Response: {"ok":true,"error":"none","message":"Event accepted"}')).toEqual([]);
    expect(quoted('Webhook call: {"error":"invalid_signature","message":"Signature mismatch"}')).toEqual(['Signature mismatch']);
  });

  it('leaves a body glued to a word: part of a printed value', () => {
    expect(quoted('# Relay\nBuild 12 ok preset{"errors":[{"message":"The grant for this relay was revoked"}]}')).toEqual([]);
    expect(quoted('# Relay\nBuild 12 ok preset: {"errors":[{"message":"The grant for this relay was revoked"}]}')).toEqual([
      'The grant for this relay was revoked',
    ]);
  });

  it('leaves the bodies of a text about documentation', () => {
    expect(
      quoted('# Wrong sample in the README for keys\nI have\n```json\n{\n  "error": "Invalid API key for this resource."\n}\n```'),
    ).toEqual([]);
  });
});

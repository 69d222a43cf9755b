// One engine entry point: the CLI's scanning (real engine, streamed in small chunks so the body
// spans a chunk boundary) and the popup's Diagnose box find the same things in the same text.
import { describe, expect, it } from 'vitest';
import { scanStream, type LocatedFinding } from '../../src/cli/scan';
import { diagnoseText } from '../../src/engine';
import { openBodyStart } from '../../src/engine/detect/json/json-candidates';
import { diagnoseInput } from '../../src/popup/diagnose-input';

const TEXT = [
  '2024-05-01T10:00:00Z klaviyo flow="Welcome" action=webhook',
  'POST https://api.example.com/v1/campaigns -> HTTP 422',
  '{"error":{"title":"ValidationError","message":"campaign_id parameter is required"}}',
  '2024-05-01T10:00:01Z request body was:',
  '{',
  '  "campaign_id": "",',
  '  "recipient": {',
  '    "full_name": "Jane Doe",',
  '    "city": "Springfield",',
  '  }',
  '}',
  '2024-05-01T10:00:02Z dial tcp 10.0.0.1:443: connect: connection refused',
  '',
].join('\n');

async function cliFindings(text: string, chunkChars: number): Promise<LocatedFinding[]> {
  const found: LocatedFinding[] = [];
  // Pieces of 7 characters, chunks of a few lines: the multi-line body crosses chunk boundaries.
  const pieces = text.match(/[\s\S]{1,7}/g) ?? [];
  await scanStream(pieces, (chunk) => diagnoseText(chunk), {
    limits: { chunkChars, windowChars: 4096, overlapChars: 64, holdChars: 1024 },
    keepTogether: openBodyStart,
    onFindings: (items) => {
      found.push(...items);
    },
  });
  return found;
}

describe('a pasted excerpt is not a body', () => {
  it('even when it is the whole text', () => {
    expect(diagnoseInput('{\n  "data": [\n    ...\n  ]\n}')).toEqual([]);
  });

  it('nor is a response copied only in part, though a parser message quoted in it counts', () => {
    const problems = (text: string) => diagnoseInput(text).map((entry) => entry.diagnosis.problem);
    expect(problems('{"error":{"type":"card_error","message":"Your card was declined","param":"amount"')).toEqual([]);
    expect(problems('{\n  "crash": "FormatException: Unexpected character (at character 1)",\n  "app": "4.0.1",')).toContain(
      'invalid-json',
    );
  });
});

describe('the CLI and the popup find the same things in the same text', () => {
  it.each([40, 120, 64 * 1024])('chunks of %i characters', async (chunkChars) => {
    const cli = await cliFindings(TEXT, chunkChars);
    const popup = diagnoseInput(TEXT);
    const cliKeys = [...new Set(cli.map((item) => item.diagnosis.key))].sort();
    expect(cliKeys).toEqual(popup.map((entry) => entry.key).sort());
    expect(cliKeys).toEqual(['http:422', 'json:invalid-json', 'network:connection-refused']);

    const cliJson = cli.find((item) => item.finding.kind === 'json');
    expect(cliJson?.line).toBe(9);
    expect(cliJson?.finding.detail?.reason).toMatch(/trailing comma/);

    // A status line and the body on the next line are read together unless a chunk ends right
    // between them (the real CLI reads 64 KB chunks; 40 characters splits them here).
    if (chunkChars === 40) return;
    const said = { message: 'campaign_id parameter is required', field: 'campaign_id' };
    expect(cli.find((item) => item.diagnosis.key === 'http:422')?.diagnosis.receiver).toEqual(said);
    expect(popup.find((entry) => entry.key === 'http:422')?.diagnosis.receiver).toEqual(said);
  });
});

// `npx tsx scripts/bench/long-lines.ts [KB]`: how the engine scales on one very long line made of
// one unit repeated (a log with no line breaks, a minified dump). Each unit is timed at KB and at
// 4 × KB; a linear reader takes about 4 times as long, a quadratic one about 16 times. Prints the
// ratio per unit and flags those above 6. Units are shapes each detector reads; add one when a
// detector learns a new shape. Not a test: timings on a shared machine are noise, ratios less so.
import { findAll } from '../../src/engine/find/index';

const UNITS = [
  'HTTP 403 ',
  '403 Forbidden: invalid token, ',
  'Error: 401 {"message":"Bad credentials"} ',
  'connect ECONNREFUSED 10.0.0.1:443 ',
  'curl: (28) Operation timed out ',
  'Authorization: Bearer ### ',
  '"token": "YOUR_TOKEN", ',
  'x-api-key: <key> ',
  '{"a": 1,} ',
  'Unexpected token } in JSON at position 12 ',
  'returned 404 "Not Found" ',
  '[HTTP 400] invalid payload ',
  '`400 Bad Request: y` ',
  'status=503 msg=down ',
  '<Code>401</Code><Message>Denied</Message> ',
  'ETIMEDOUT ',
];

function timeOnce(text: string): number {
  const start = performance.now();
  findAll(text);
  return performance.now() - start;
}

/** The best of three: the least disturbed by other work on the machine. */
function best(text: string): number {
  return Math.min(timeOnce(text), timeOnce(text), timeOnce(text));
}

const kilobytes = Number(process.argv[2] ?? 64);
let flagged = 0;
for (const unit of UNITS) {
  const line = (kb: number): string => unit.repeat(Math.ceil((kb * 1024) / unit.length));
  const small = best(line(kilobytes));
  const large = best(line(kilobytes * 4));
  const ratio = large / Math.max(small, 0.5);
  if (ratio > 6) flagged++;
  console.log(
    `${JSON.stringify(unit).padEnd(48)} ${small.toFixed(0).padStart(6)} ms → ${large.toFixed(0).padStart(6)} ms  ×${ratio.toFixed(1)}${ratio > 6 ? '  (superlinear)' : ''}`,
  );
}
console.log(flagged === 0 ? 'every unit scales about linearly' : `${flagged} unit(s) scale worse than linearly`);

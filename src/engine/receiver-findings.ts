// What a known receiver adds to a piece of log text: the error string it documents beside a status
// ("404 no_service"), that string alone (it implies the status), and redirects that fail there
// (Apps Script's 302). The receiver comes from the context or from a URL on the finding's line.
import type { Finding } from './types';
import type { DocumentedError, EndpointLayer } from './catalog/types';
import { endpointFor, endpointInText } from './catalog/endpoints';

/** How far around a finding its line is read; keeps hostile one-line logs cheap. */
const LINE_REACH = 2048;

export interface LineSpan {
  start: number;
  end: number;
}

const LF = 10;
const CR = 13;

/** The line holding `at`, at most `reach` characters either side (a loop, not a slice: lines are short). */
export function lineAround(text: string, at: number, reach = LINE_REACH): LineSpan {
  const low = Math.max(0, at - reach);
  let start = at;
  while (start > low) {
    const code = text.charCodeAt(start - 1);
    if (code === LF || code === CR) break;
    start -= 1;
  }
  const high = Math.min(text.length, at + reach);
  let end = at;
  while (end < high) {
    const code = text.charCodeAt(end);
    if (code === LF || code === CR) break;
    end += 1;
  }
  return { start, end };
}

/** Each documented error's pattern, built once: a log checks the same errors on every line. */
const errorPatterns = new WeakMap<DocumentedError, RegExp>();

function errorPattern(error: DocumentedError): RegExp {
  let pattern = errorPatterns.get(error);
  if (!pattern) {
    pattern = buildErrorPattern(error);
    errorPatterns.set(error, pattern);
  }
  // Global: its search position is left at 0 when a search ends without a match, and set here.
  pattern.lastIndex = 0;
  return pattern;
}

function buildErrorPattern(error: DocumentedError): RegExp {
  if (error.pattern) return new RegExp(error.pattern.source, error.pattern.flags.replace('g', '') + 'g');
  const escaped = error.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g');
}

interface ErrorHit {
  error: DocumentedError;
  start: number;
  end: number;
}

function errorHits(layer: EndpointLayer, text: string): ErrorHit[] {
  const hits: ErrorHit[] = [];
  for (const error of layer.errors ?? []) {
    const pattern = errorPattern(error);
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      hits.push({ error, start: match.index, end: match.index + match[0].length });
      if (match[0] === '') pattern.lastIndex += 1;
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A redirect code with a status word or reason phrase beside it: "HTTP 302", "302 Found". */
function redirectPattern(codes: readonly number[]): RegExp {
  const alternatives = codes.join('|');
  return new RegExp(
    `(?:\\b(?:HTTP(?:\\/\\d(?:\\.\\d)?)?|status(?:\\s+code)?|response(?:\\s+code)?|code)\\s*[:=]?\\s*(${alternatives})\\b)` +
      `|(?:\\b(${alternatives})\\s+(?:Found|Moved(?:\\s+(?:Temporarily|Permanently))?|See\\s+Other|Temporary\\s+Redirect|Permanent\\s+Redirect)\\b)`,
    'gi',
  );
}

/** Receiver URLs by line, each line read once: a log repeats findings on few lines. */
class LineReceivers {
  private readonly byLine = new Map<number, { url: string; layer: EndpointLayer } | null>();
  constructor(private readonly text: string) {}

  at(line: LineSpan): { url: string; layer: EndpointLayer } | undefined {
    let found = this.byLine.get(line.start);
    if (found === undefined) {
      const slice = this.text.slice(line.start, line.end);
      found = (slice.includes('://') ? endpointInText(slice) : undefined) ?? null;
      this.byLine.set(line.start, found);
    }
    return found ?? undefined;
  }
}

function httpFinding(code: number, start: number, end: number, excerpt: string, receiverError?: string): Finding {
  return { kind: 'http', code, problem: null, start, end, excerpt, ...(receiverError ? { detail: { receiverError } } : {}) };
}

export interface LocatedFinding {
  finding: Finding;
  /** The receiver URL on the finding's line, when the context named none. */
  lineEndpointUrl?: string;
}

/**
 * The findings with the receiver's documented errors attached, plus the ones only a receiver
 * makes out (a documented error string alone, a redirect that fails there), each with the
 * receiver URL of its line when the context has none. Sorted by start.
 */
export function withReceiverFindings(text: string, findings: Finding[], endpointUrl: string | undefined): LocatedFinding[] {
  const contextLayer = endpointFor(endpointUrl);
  const lines = new LineReceivers(text);
  const claimedLines = new Set<number>();

  const result: LocatedFinding[] = findings.map((finding) => {
    const line = lineAround(text, finding.start);
    const onLine = contextLayer ? undefined : lines.at(line);
    const layer = contextLayer ?? onLine?.layer;
    const located: LocatedFinding = onLine ? { finding, lineEndpointUrl: onLine.url } : { finding };
    if (!layer || finding.kind !== 'http' || finding.code === null) return located;
    // A status already found: read its line for a documented error string.
    claimedLines.add(line.start);
    const hits = errorHits(layer, text.slice(line.start, line.end));
    const hit = hits.find((candidate) => candidate.error.status === finding.code) ?? hits[0];
    return hit ? { ...located, finding: { ...finding, detail: { ...finding.detail, receiverError: hit.error.id } } } : located;
  });

  // With a known receiver, its error strings and failing redirects count on their own lines too.
  if (contextLayer) {
    for (const hit of errorHits(contextLayer, text)) {
      const line = lineAround(text, hit.start);
      if (claimedLines.has(line.start)) continue;
      claimedLines.add(line.start);
      result.push({ finding: httpFinding(hit.error.status, hit.start, hit.end, hit.error.id, hit.error.id) });
    }
    const redirects = contextLayer.failingRedirects ?? [];
    if (redirects.length > 0) {
      const pattern = redirectPattern(redirects);
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null) {
        const line = lineAround(text, match.index);
        if (claimedLines.has(line.start)) continue;
        claimedLines.add(line.start);
        const code = Number(match[1] ?? match[2]);
        result.push({ finding: httpFinding(code, match.index, match.index + match[0].length, match[0].trim()) });
      }
    }
  }
  return result.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
}

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

export function lineAround(text: string, at: number, reach = LINE_REACH): LineSpan {
  const from = Math.max(0, at - reach);
  const before = text.slice(from, at);
  const newline = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const start = newline >= 0 ? from + newline + 1 : from;
  const after = text.slice(at, Math.min(text.length, at + reach));
  const end = after.search(/[\r\n]/);
  return { start, end: end >= 0 ? at + end : Math.min(text.length, at + reach) };
}

function errorPattern(error: DocumentedError): RegExp {
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

/** The receiver that applies at one spot of the text: the context's, or a URL on the same line. */
export function layerAt(text: string, at: number, contextLayer: EndpointLayer | undefined): { layer: EndpointLayer; line: LineSpan } | undefined {
  const line = lineAround(text, at);
  if (contextLayer) return { layer: contextLayer, line };
  const found = urlOnLine(text, line);
  return found ? { layer: found.layer, line } : undefined;
}

function urlOnLine(text: string, line: LineSpan): { url: string; layer: EndpointLayer } | undefined {
  const slice = text.slice(line.start, line.end);
  return slice.includes('://') ? endpointInText(slice) : undefined;
}

/** A receiver URL on the line of `at`, when there is one the catalog knows. */
export function endpointUrlAt(text: string, at: number): string | undefined {
  return urlOnLine(text, lineAround(text, at))?.url;
}

function httpFinding(code: number, start: number, end: number, excerpt: string, receiverError?: string): Finding {
  return { kind: 'http', code, problem: null, start, end, excerpt, ...(receiverError ? { detail: { receiverError } } : {}) };
}

/**
 * The findings with the receiver's documented errors attached, plus the ones only a receiver
 * makes out (a documented error string alone, a redirect that fails there). Sorted by start.
 */
export function withReceiverFindings(text: string, findings: Finding[], endpointUrl: string | undefined): Finding[] {
  const contextLayer = endpointFor(endpointUrl);
  const result = [...findings];
  const claimedLines = new Set<number>();

  // A status already found: read its line for a documented error string.
  result.forEach((finding, index) => {
    if (finding.kind !== 'http' || finding.code === null) return;
    const at = layerAt(text, finding.start, contextLayer);
    if (!at) return;
    claimedLines.add(at.line.start);
    const hit = errorHits(at.layer, text.slice(at.line.start, at.line.end)).find((candidate) => candidate.error.status === finding.code)
      ?? errorHits(at.layer, text.slice(at.line.start, at.line.end))[0];
    if (hit) result[index] = { ...finding, detail: { ...finding.detail, receiverError: hit.error.id } };
  });

  // With a known receiver, its error strings and failing redirects count on their own lines too.
  if (contextLayer) {
    for (const hit of errorHits(contextLayer, text)) {
      const line = lineAround(text, hit.start);
      if (claimedLines.has(line.start)) continue;
      claimedLines.add(line.start);
      result.push(httpFinding(hit.error.status, hit.start, hit.end, hit.error.id, hit.error.id));
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
        result.push(httpFinding(code, match.index, match.index + match[0].length, match[0].trim()));
      }
    }
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}

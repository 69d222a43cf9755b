// Weaves a finding's detail (JSON position, field names, rate-limit timing) into plain text.
import { clip, oneLine } from '../text';
import type { FindingDetail } from '../types';

const MAX_FIELDS = 6;
const MAX_TEXT = 120;

function clipLine(text: string): string {
  return clip(oneLine(text), MAX_TEXT);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function fieldList(fields: readonly string[] | undefined): string | undefined {
  const names = (fields ?? []).filter((field) => typeof field === 'string' && field.trim() !== '').map(clipLine);
  if (names.length === 0) return undefined;
  const shown = names.slice(0, MAX_FIELDS).join(', ');
  return names.length > MAX_FIELDS ? `${shown} and ${names.length - MAX_FIELDS} more` : shown;
}

function position(detail: FindingDetail): string | undefined {
  if (!isPositiveInteger(detail.line)) return undefined;
  return isPositiveInteger(detail.column) ? `line ${detail.line}, column ${detail.column}` : `line ${detail.line}`;
}

/** "Body is not valid JSON (line 3, column 14)", "Required field missing: city, state". */
export function titleWithDetail(title: string, detail: FindingDetail | undefined): string {
  if (!detail) return title;
  const fields = fieldList(detail.fields);
  if (fields) return `${title}: ${fields}`;
  const where = position(detail);
  return where ? `${title} (${where})` : title;
}

/** Sentences that add the detail to the meaning; empty when there is nothing to add. */
export function detailSentences(detail: FindingDetail | undefined): string[] {
  if (!detail) return [];
  const sentences: string[] = [];
  const where = position(detail);
  const reason = typeof detail.reason === 'string' && detail.reason.trim() !== '' ? clipLine(detail.reason) : undefined;
  if (where && reason) sentences.push(`The problem is at ${where}: ${reason.replace(/\.$/, '')}.`);
  else if (where) sentences.push(`The problem is at ${where}.`);
  else if (reason) sentences.push(`Reason: ${reason.replace(/\.$/, '')}.`);
  const fields = fieldList(detail.fields);
  if (fields) sentences.push(`Fields concerned: ${fields}.`);
  return sentences;
}

/** "The receiver asks to wait: try again in 30 seconds." when the timing is known. */
export function retryTiming(detail: FindingDetail | undefined): string | undefined {
  if (!detail) return undefined;
  if (typeof detail.retryAdvice === 'string' && detail.retryAdvice.trim() !== '') {
    return `The receiver asks to wait: try again ${clipLine(detail.retryAdvice).replace(/\.$/, '')}.`;
  }
  if (typeof detail.retryAfterSeconds === 'number' && Number.isFinite(detail.retryAfterSeconds) && detail.retryAfterSeconds >= 0) {
    const seconds = Math.ceil(detail.retryAfterSeconds);
    return `The receiver asks to wait ${seconds} second${seconds === 1 ? '' : 's'} before the next try.`;
  }
  return undefined;
}

// HTTP-date parsing (RFC 9110 section 5.6.7): IMF-fixdate, the obsolete RFC 850 and asctime
// forms, and ISO 8601 as a courtesy. Parsed by hand so every engine agrees, and asctime (which
// has no zone) is read as UTC as the RFC says, not as local time.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const IMF_FIXDATE = /^[a-z]{3},\s*(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s*(?:gmt|utc|z)?$/i;
const RFC_850 = /^[a-z]{6,9},\s*(\d{1,2})-([a-z]{3})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2})\s*(?:gmt|utc)?$/i;
const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds since the epoch, or null when `value` is not an HTTP date. */
export function parseHttpDate(value: string, nowMs: number): number | null {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = RFC_850.exec(text);
  if (match) return utc(String(fullYear(Number(match[3]), nowMs)), match[2], match[1], match[4], match[5], match[6]);
  match = ASCTIME.exec(text);
  if (match) return utc(match[6], match[1], match[2], match[3], match[4], match[5]);
  if (ISO_8601.test(text)) {
    const parsed = Date.parse(text.replace(' ', 'T'));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A two-digit year more than 50 years ahead belongs to the previous century (RFC 9110). */
function fullYear(twoDigits: number, nowMs: number): number {
  const nowYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(nowYear / 100) * 100 + twoDigits;
  if (year > nowYear + 50) year -= 100;
  return year;
}

function utc(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | null {
  const monthIndex = MONTHS.indexOf((month ?? '').toLowerCase());
  const [y, d, h, m, s] = [year, day, hour, minute, second].map(Number);
  if (monthIndex < 0 || y === undefined || d === undefined || h === undefined || m === undefined || s === undefined) return null;
  if (d < 1 || d > 31 || h > 23 || m > 59 || s > 60) return null;
  return Date.UTC(y, monthIndex, d, h, m, Math.min(s, 59));
}

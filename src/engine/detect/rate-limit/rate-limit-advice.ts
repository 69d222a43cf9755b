// Plain-words advice for a rate limit: how long to wait and how many requests are left.
// Waits are always said as a duration or a clock time, never as a raw timestamp.
import { plural } from '../../text';

const SHORT_WAIT_SECONDS = 90;
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Wait about 30 seconds before sending again", "Wait until 14:05 UTC (about 5 minutes)". */
export function waitAdvice(seconds: number, nowMs: number): string {
  if (seconds <= 0) return 'The limit resets now; retry';
  if (seconds < SHORT_WAIT_SECONDS) return `Wait about ${plural(seconds, 'second')} before sending again`;
  return `Wait until ${clockTime(seconds, nowMs)} (${approximateDuration(seconds)})`;
}

/** When a window that is not exhausted starts over: "now", "in about 30 seconds", "at 14:05 UTC". */
export function resetAdvice(seconds: number, nowMs: number): string {
  if (seconds <= 0) return 'The window resets now';
  if (seconds < SHORT_WAIT_SECONDS) return `The window resets in about ${plural(seconds, 'second')}`;
  return `The window resets at ${clockTime(seconds, nowMs)} (${approximateDuration(seconds)})`;
}

/** "50 of 100 requests left in this window". */
export function countsAdvice(limit: number | null, remaining: number | null): string | null {
  if (remaining !== null && limit !== null) return `${remaining} of ${limit} requests left in this window`;
  if (remaining !== null) return `${plural(remaining, 'request')} left in this window`;
  if (limit !== null) return `The limit is ${plural(limit, 'request')} per window`;
  return null;
}

/** The time `seconds` from now, rounded up to the minute, in UTC; with the date if not today. */
function clockTime(seconds: number, nowMs: number): string {
  const target = new Date(Math.ceil((nowMs + seconds * 1000) / 60_000) * 60_000);
  const time = `${pad(target.getUTCHours())}:${pad(target.getUTCMinutes())} UTC`;
  const sameDay = new Date(nowMs).toISOString().slice(0, 10) === target.toISOString().slice(0, 10);
  return sameDay ? time : `${target.toISOString().slice(0, 10)} ${time}`;
}

function approximateDuration(seconds: number): string {
  if (seconds < 2 * HOUR) return `about ${plural(Math.max(1, Math.round(seconds / MINUTE)), 'minute')}`;
  if (seconds < 2 * DAY) return `about ${plural(Math.round(seconds / HOUR), 'hour')}`;
  return `about ${plural(Math.round(seconds / DAY), 'day')}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

// Counters of the scanner's own work, answered to 'get-scan-stats' (tests, benchmark).
import type { ScanStats } from '../../shared/messages';

/** What the scanner counts; badge count, extras state and selector misses are added when read. */
export type ScanCounters = Omit<ScanStats, 'badges' | 'extrasLoaded' | 'unmatchedSelectors'>;

export function createScanCounters(): ScanCounters {
  return { maxChunkMs: 0, totalScanMs: 0, chunks: 0, scans: 0, rowsSeen: 0, firstScanStartedAt: null, lastBadgeAt: null };
}

/** Adds one chunk of work that took `ms`. */
export function countChunk(counters: ScanCounters, ms: number): void {
  counters.chunks++;
  counters.totalScanMs += ms;
  if (ms > counters.maxChunkMs) counters.maxChunkMs = ms;
}

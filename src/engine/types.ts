// Shared vocabulary of the engine. Pure data: no browser API, no Node API.
import type { ProviderId } from '../providers';

/** What kind of failure a finding is; the CLI's `kind` field (DESIGN.md contract 3). */
export type FindingKind = 'http' | 'network' | 'credential' | 'json' | 'rate-limit';

/** The ESPs whose pages and policies the catalog knows: the ids of the provider registry. */
export type { ProviderId } from '../providers';

/**
 * One fact a detector found in a piece of text. It never holds a secret: `excerpt` is what the
 * user may see (for credentials a redacted preview such as `Bearer ab12…89`).
 */
export interface Finding {
  kind: FindingKind;
  /** The HTTP status for `http` findings (and a 429 implied by rate-limit headers), else null. */
  code: number | null;
  /** Machine id of a non-HTTP problem: `connection-refused`, `masked-token`, `invalid-json`, ... */
  problem: string | null;
  /** Offsets into the scanned text, [start, end). */
  start: number;
  end: number;
  /** Short, safe text that shows what was matched. */
  excerpt: string;
  detail?: FindingDetail;
}

export interface FindingDetail {
  /** JSON syntax errors: 1-based line and column in the body, and a plain reason. */
  line?: number;
  column?: number;
  reason?: string;
  /** Required fields that are missing (JSON body checks). */
  fields?: string[];
  /** Rate limits: seconds to wait from now, when known. */
  retryAfterSeconds?: number;
  /** Rate limits: when to try again, in plain words ("in 30 seconds", "after 14:05 UTC"). */
  retryAdvice?: string;
  /** An error string the receiver documents, found next to the status (`no_text`). */
  receiverError?: string;
  /** What the receiver expects instead, in fixed words from the catalog (`X-Shopify-Access-Token`). */
  expected?: string;
  /** The message of the receiver's error body that belongs to this finding (redacted). */
  receiverMessage?: string;
  /** The request field the receiver's message blames, when it names one. */
  field?: string;
}

/** What the receiver itself said about a failure, quoted from its error body. */
export interface ReceiverQuote {
  /** The receiver's message, redacted. */
  message: string;
  /** The field it blames, when it names one. */
  field?: string;
}

/** Where the user stands when a finding is diagnosed; layers of the catalog apply from it. */
export interface DiagnoseContext {
  provider?: ProviderId;
  /** The webhook's destination URL, when known: picks an endpoint layer such as Poplar's. */
  endpointUrl?: string;
}

/** Whether the sender will try again by itself. */
export type RetryVerdict = 'retries' | 'no-retry' | 'unknown';

/** Which side has to act. */
export type FaultSide = 'request' | 'receiver' | 'network' | 'rate-limit' | 'unknown';

/** What a finding means here and how to fix it. */
export interface Diagnosis {
  /** Stable key that groups equal findings: `http:403`, `network:connection-refused`. */
  key: string;
  kind: FindingKind;
  code: number | null;
  problem: string | null;
  /** e.g. "403 Forbidden" or "Connection refused". */
  title: string;
  /** One short phrase for a badge: "token refused", "server down". */
  short: string;
  /** What it means, in plain words. */
  meaning: string;
  side: FaultSide;
  retry: { verdict: RetryVerdict; text: string };
  /** Ordered fix steps, most specific first (endpoint, then provider, then generic). */
  steps: string[];
  /** Where to look in the provider's product, when a provider is known. */
  whereToLook?: string;
  /** Source URLs of the facts used. */
  sources: string[];
  /** The receiver's own words about this failure, when the text holds its error body. */
  receiver?: ReceiverQuote;
}

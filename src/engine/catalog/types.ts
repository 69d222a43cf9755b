// Shapes of the troubleshooting catalog. Pure data types: the content lives in the sibling files.
import type { FaultSide, FindingKind, ProviderId, RetryVerdict } from '../types';

/** What a code or problem means and how to fix it, before any provider or endpoint layer. */
export interface Advice {
  /** Badge phrase, at most 24 characters: "token refused". */
  short: string;
  /** Plain words for a marketer. */
  meaning: string;
  side: FaultSide;
  /** Ordered fix steps, each a concrete action. */
  steps: readonly string[];
  /** https URLs of the facts used. */
  sources: readonly string[];
}

/** A non-HTTP problem a detector reports (`connection-refused`, `masked-token`, ...). */
export interface ProblemEntry extends Advice {
  id: string;
  kind: FindingKind;
  title: string;
  /** The status a receiver most likely answers when the request is sent as is (403 for a bad token). */
  likelyStatus?: number;
}

/** A status code resolved against the catalog, with its advice (specific or the class fallback). */
export interface StatusEntry {
  code: number;
  /** "Forbidden", or "Client error (487)" for a code outside the tables. */
  name: string;
  /** "403 Forbidden", or the bare name for codes outside the tables. */
  title: string;
  /** True when the code is in the IANA registry or a vendor table. */
  known: boolean;
  /** True when `advice` was written for this code; false when it is the class fallback. */
  specific: boolean;
  advice: Advice;
}

export interface RetryAnswer {
  verdict: RetryVerdict;
  text: string;
}

/** What a retry policy is asked about. `code` is the status the sender saw or would see. */
export interface RetrySubject {
  kind: FindingKind;
  code: number | null;
  problem: string | null;
}

/** Where in a provider's product the user looks: the error log, or the webhook editor. */
export interface WhereToLook {
  log: string;
  editor: string;
}

/**
 * One ESP's layer over the generic advice. Steps and notes are keyed by topic: `http:429`,
 * `http:4xx` (a whole class), `credential:masked-token`, `network:any` (every network problem).
 */
export interface ProviderLayer {
  id: ProviderId;
  name: string;
  whereToLook: WhereToLook;
  sources: readonly string[];
  /** Codes this provider produces itself rather than receives (Braze 598). */
  ownCodes: readonly number[];
  retry(subject: RetrySubject): RetryAnswer;
  steps: Readonly<Record<string, readonly string[]>>;
  /** A sentence added to the meaning for a topic. */
  notes: Readonly<Record<string, string>>;
}

/** The error a receiving API put in its response body. */
export interface EndpointError {
  title: string;
  message: string;
}

/** A receiving API's layer: checklists that only apply when the webhook calls it. */
export interface EndpointLayer {
  id: string;
  name: string;
  sources: readonly string[];
  matches(url: string): boolean;
  /** Body fields the call at this URL must carry (empty when none are known). */
  requiredFields(url: string): readonly string[];
  /**
   * Steps for one topic, most important first; empty when the layer has none. `provider` lets a
   * layer leave out steps that only concern other ESPs.
   */
  steps(topic: string, url: string, provider?: ProviderId): readonly string[];
  note(topic: string, url: string): string | undefined;
  /** Reads the API's error body shape, when it has a documented one. */
  readErrorBody?(body: string): EndpointError | undefined;
}

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

/**
 * One fix step as the catalog's data holds it: `id` is stable across wording changes (for
 * translations and tests to name it), `text` is its English wording.
 */
export interface AdviceStep {
  id: string;
  text: string;
}

/** Advice as written in the data files: steps keep their ids until a diagnosis is rendered. */
export type AdviceData = Omit<Advice, 'steps'> & { steps: readonly AdviceStep[] };

/** A non-HTTP problem a detector reports (`connection-refused`, `masked-token`, ...). */
export interface ProblemEntry extends Advice {
  id: string;
  kind: FindingKind;
  title: string;
  /** The status a receiver most likely answers when the request is sent as is (403 for a bad token). */
  likelyStatus?: number;
}

/** A problem entry as written in the data files (see AdviceData). */
export type ProblemData = Omit<ProblemEntry, 'steps'> & { steps: readonly AdviceStep[] };

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
  /** Stable key of this wording (`braze:retry/4xx-not-retried`), so that a translation can name it. */
  id: string;
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

/** Where a receiver takes its credential from, and the shape it expects. */
export type CredentialRule =
  /**
   * The URL itself is the secret (Slack, Discord, Zapier): group 1 of `secretPath` is that part of
   * the path, or `secretQuery` names the query parameter that holds it (Teams workflows' sig).
   */
  | { in: 'url'; secretPath?: RegExp; secretQuery?: string; placeholder: string; where: string; headerIgnored: boolean }
  /**
   * A header: `scheme` 'none' means the bare value (Shopify). For Basic, `basicUser` is what the
   * user part must look like once decoded, and `expected` says it in words for the warning.
   */
  | {
      in: 'header';
      header: string;
      scheme: 'Bearer' | 'Basic' | 'none';
      placeholder: string;
      where: string;
      basicUser?: RegExp;
      expected?: string;
    };

/** The body a receiver accepts: its encoding and fields that must be there (one of each group). */
export interface BodyRule {
  /** 'either' when the receiver takes JSON and form-encoded bodies alike (Lob). */
  format: 'json' | 'form' | 'either';
  /** Each group needs at least one of its keys at the top level: [['text', 'blocks']]. */
  anyOf: readonly (readonly string[])[];
  /** Longest text a top-level field may hold, in characters (Discord content: 2000). */
  maxFieldLength?: Readonly<Record<string, number>>;
  /** Largest body the receiver takes, in bytes (Segment: 32 KB per call). */
  maxBytes?: number;
}

/** What a well-formed call to one URL of a receiver looks like. */
export interface RequestRules {
  credential: CredentialRule;
  body?: BodyRule;
  /**
   * Set when the receiver documents this URL as one a webhook cannot call (an Apps Script /dev
   * URL, a retired Teams connector): the URL to use instead, in words.
   */
  unusableUrl?: string;
}

/** An error a receiver documents in its response body (Slack's `no_text`, Discord's 10015). */
export interface DocumentedError {
  /** The string as the receiver writes it; also the id. */
  id: string;
  /** How it appears in text, when the bare id would match too much or too little. */
  pattern?: RegExp;
  /** The status the receiver sends it with. */
  status: number;
  meaning: string;
  steps: readonly string[];
  /** The vendor page that documents this error, when it has its own (Twilio's error pages). */
  source?: string;
}

/** A receiving API's layer: checklists that only apply when the webhook calls it. */
export interface EndpointLayer {
  id: string;
  name: string;
  sources: readonly string[];
  matches(url: string): boolean;
  /** The credential and body rules of the call at this URL, when documented. */
  request?(url: string): RequestRules | undefined;
  /** Error strings the receiver puts in its response bodies. */
  errors?: readonly DocumentedError[];
  /** Redirect codes a log may show as failures here (a sender that does not follow them fails). */
  failingRedirects?: readonly number[];
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

// The receiver's message as an API client throws it, with no body around it:
// `stripe.error.InvalidRequestError: Request req_1: No such customer: 'sub_2'`,
// `DiscordAPIError[50006]: Cannot send an empty message`, `Twilio::REST::RestError (Unable to
// create record: The 'From' number … is not valid.)`, `[Services_Twilio_RestException]` above its
// message, `TwilioRestException: HTTP 400 error: …`. The class must name an API, a request or an
// authorization; a runtime's own errors (`TypeError: …`, `JSONDecodeError: …`) and a client that
// could not connect (`ConnectTimeoutError: …`) are not the receiver speaking.
import { ERROR_WORDS, isFromReceiver } from './receiver-words-loose';

export interface ThrownWords {
  start: number;
  end: number;
  message: string;
}

/**
 * A qualified class name that ends in Error, Exception or Fault (an error number in brackets may
 * follow), then its message: after a colon on the same line, inside the parentheses Ruby prints,
 * or on the next line below a bracketed name. Bounded, so each candidate costs one short match.
 */
const THROWN =
  /(?<![\w.:\\$])((?:[A-Za-z_$][\w$]{0,40}(?:\.|::|\\))*[A-Za-z_$][\w$]{0,40}?(?:Error|Exception|Fault))(?:\[\w{1,12}\])?(?:[ \t]*:[ \t]+|[ \t]+\(|\][ \t]*\r?\n[ \t]*)([^\n\r]{3,400})/g;

/** Class names of an API client's errors: the service, the request or the refusal they report. */
const API_CLASS =
  /api|rest|http|request|response|client|auth|permission|forbidden|unauthori[sz]ed|ratelimit|validation|notfound|badrequest|conflict|unprocessable|stripe|twilio|mailchimp|discord|slack|hubspot|klaviyo|openai|anthropic|graphql|webhook/i;
/** A client that could not connect or parse: its words are the sender's, not the receiver's. */
const CLIENT_FAILURE_CLASS = /connect|timeout|timedout|ssl|tls|socket|dns|resolve|proxy|decode|parse|syntax|json/i;

/** A client that could not reach the receiver says so in these words: no receiver spoke. */
const NETWORK_FAILURE =
  /\b(?:connection|connect|ssl|tls|certificate|handshake|socket|no such host|host is known|resolve|timed? ?out|unreachable|refused|sending the request)\b/i;

const STATUS_IN_WORDS = /\b[45]\d\d\b/;

/**
 * What an SDK puts before the receiver's words (its exception's class, `HTTP 400 error:`,
 * `[HTTP 400]`, `Unable to create record:`, `Request req_123:`) and after them
 * (`(Stripe::InvalidRequestError)`, `):`).
 */
const SDK_PREFIX =
  /^(?:(?:[\w$]{1,40}(?:\.|::|\\))*[\w$]{0,40}(?:Error|Exception)(?:\[\w{1,12}\])?:[ \t]*|\[?HTTP[ \t]+\d{3}\]?(?:[ \t]+error)?[ \t]*:?[ \t]*|Unable to (?:create|fetch|update|delete) record:[ \t]*|Request[ \t]+req_\w+:[ \t]*)+/i;
const SDK_SUFFIX = /[ \t]*(?:\((?:[\w$]+(?:\.|::))*[\w$]+(?:Error|Exception)\)|\)?:|\)|`)?[ \t]*$/;

/** Every message an API client threw in `text`, in text order. */
export function findThrownWords(text: string): ThrownWords[] {
  const found: ThrownWords[] = [];
  THROWN.lastIndex = 0;
  for (let match = THROWN.exec(text); match !== null; match = THROWN.exec(text)) {
    const className = match[1]!;
    if (!API_CLASS.test(className) || CLIENT_FAILURE_CLASS.test(className)) continue;
    const message = dropClientFrame(match[2]!);
    // A body printed after the class is read as a body; here only plain words count.
    if (message.length < 3 || /[{[<]/.test(message.charAt(0)) || message.includes('{')) continue;
    if (!ERROR_WORDS.test(message) || NETWORK_FAILURE.test(message) || !isFromReceiver(message)) continue;
    // "Received forbidden error (403)": the client telling the status, not the receiver's words.
    if (STATUS_IN_WORDS.test(message)) continue;
    found.push({ start: match.index, end: match.index + match[0].length, message });
  }
  return found;
}

/** A class name that opens a line (`TypeError: …`, `requests.exceptions.ConnectionError: …`). */
const LEADING_CLASS = /^((?:[A-Za-z_$][\w$]{0,40}(?:\.|::|\\))*[A-Za-z_$][\w$]{0,40}?(?:Error|Exception))\b/;

/**
 * True when a line is the sender's own failure: a connection error, or an exception whose class
 * is no API client's (a runtime's `TypeError`, a parser's `JSONDecodeError`).
 */
export function isClientsOwnError(line: string): boolean {
  if (NETWORK_FAILURE.test(line)) return true;
  const className = LEADING_CLASS.exec(line)?.[1];
  return className !== undefined && (!API_CLASS.test(className) || CLIENT_FAILURE_CLASS.test(className));
}

/** The receiver's words without what the client put around them (see SDK_PREFIX, SDK_SUFFIX). */
export function dropClientFrame(words: string): string {
  return words.replace(SDK_PREFIX, '').replace(SDK_SUFFIX, '').trim();
}

// A JSON object that is a program's log record (`{"reqId":…,"level":2,"time":…,"message":…}`),
// not a request body: when such a record stops at the end of its line, the writer cut the line
// while copying it, and nothing says a body was sent that way.

/** Keys a structured logger writes first; a body rarely opens with them. */
const RECORD_KEY = /"(?:reqId|requestId|level|levelname|severity|time|timestamp|@timestamp|ts|msg|message|logger|log\.level|pid|hostname)"[ \t]*:/g;
/** How much of the record's start is read for its keys. */
const HEAD = 160;
/** Record keys a log record's head holds at least. */
const MIN_RECORD_KEYS = 3;

/** True when `body` opens like a structured log record. */
export function isLogRecord(body: string): boolean {
  let keys = 0;
  for (const _ of body.slice(0, HEAD).matchAll(RECORD_KEY)) {
    if (++keys >= MIN_RECORD_KEYS) return true;
  }
  return false;
}

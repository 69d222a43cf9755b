// A request dumped as it went on the wire (`GET /me HTTP/1.1` and its headers): nothing expands
// a variable there, so a credential header whose value is still a variable's reference
// (`Bearer $SESSION`, `$env:TOKEN`, `%API_KEY%`) was sent unexpanded.
import { isCredentialHeader } from '../../credential-headers';
import type { Finding } from '../../types';
import { DOCUMENTATION_SIGNAL, FAILURE_SIGNAL } from './credential-context';

const REQUEST_LINE = /^[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S{1,2000} HTTP\/\d(?:\.\d)?[ \t]*\r?$/gm;
const HEADER_LINE = /^[ \t]*([A-Za-z][\w-]{0,60})[ \t]*:[ \t]*(.*?)[ \t]*\r?$/;
/** A variable's reference as the whole value, after a scheme word at most. */
const VARIABLE_VALUE = /^(?:[A-Za-z-]{1,20}[ \t]+)?(?:\$(?:env:)?[A-Za-z_]\w{1,60}|\$\{[A-Za-z_]\w{0,60}\}|%[A-Za-z_]\w{1,60}%)$/;
/** Header lines read after a request line. */
const MAX_HEADERS = 60;

/** Placeholder findings for unexpanded variables in the credential headers of raw requests. */
export function detectUnexpandedInRawRequests(text: string): Finding[] {
  const findings: Finding[] = [];
  REQUEST_LINE.lastIndex = 0;
  for (let request = REQUEST_LINE.exec(text); request; request = REQUEST_LINE.exec(text)) {
    let at = text.indexOf('\n', request.index) + 1;
    for (let count = 0; at > 0 && count < MAX_HEADERS; count++) {
      const next = text.indexOf('\n', at);
      const end = next < 0 ? text.length : next;
      const header = HEADER_LINE.exec(text.slice(at, end));
      if (!header) break;
      const [line, name, value] = header as unknown as [string, string, string];
      if (isCredentialHeader(name) && VARIABLE_VALUE.test(value)) {
        const start = at + line.indexOf(name);
        findings.push({ kind: 'credential', code: null, problem: 'placeholder-token', start, end, excerpt: `${name}: ${value}` });
      }
      at = end + 1;
      if (next < 0) break;
    }
  }
  if (findings.length > 0 && DOCUMENTATION_SIGNAL.test(text) && !FAILURE_SIGNAL.test(text)) return [];
  return findings;
}

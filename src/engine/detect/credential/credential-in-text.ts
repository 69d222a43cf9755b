// The judgement a careful reader makes on a credential header quoted inside a longer text.
// `Bearer <token>` in documentation, `****` that the writer typed to hide their own key, a
// template tag shown as configured, or a bare token where the text says none is expected are
// not mistakes; the same value in a short paste, next to the 401 it caused, or in a log line of
// what was actually sent, is.
import type { Finding } from '../../types';
import { isWholeTemplateTag } from './credential-classify';
import { DOCUMENTATION_SIGNAL, FAILURE_SIGNAL, isLogLineAt, NO_SCHEME_EXPECTED } from './credential-context';
import { ranADocExample } from './credential-register';

/** More than a pasted header or two: a message, an issue, a page of docs. */
function isLongText(text: string): boolean {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= 2; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines > 2 || text.length > 240;
}

/** `<my key>`, `[TOKEN]`: how people blank out their own value when they quote a header. */
const BRACKETED = /^(?:\S+\s+)?[<[][^<>[\]]{1,60}[>\]]$/;
/** An n8n expression that went out unrendered (`={{ … }}`): never what anyone meant to send. */
const UNRENDERED_EXPRESSION = /^(?:\S+\s+)?=\{\{/;
/**
 * The generic name of what is hidden (`API_KEY`, `my_api_key`, `Bearer token`): in a longer text
 * the writer's way of not pasting their key. Template words (`changeme`, `undefined`,
 * `your-key-here`) are not names, and still count.
 */
const GENERIC_NAME = /^(?:my|the)?(?:api|access|auth|bearer|secret)?(?:key|token|secret|password|apikey)s?$/;
/** A login form's password in a request body is the user's data, not a credential header. */
const PASSWORD_BEFORE = /password["']?\s*[:=]\s*["']?$/i;

/** Whether `at` lies on a line a program logged (a log of what went out). */
function onLogLine(text: string, at: number): boolean {
  return isLogLineAt(text, text.lastIndexOf('\n', at - 1) + 1);
}

/** Whether a placeholder quoted in a longer text is one the writer really sent. */
function placeholderWasSent(finding: Finding, text: string): boolean {
  // The span may end in the backtick or quote that closed the writer's inline code.
  const value = text
    .slice(finding.start, finding.end)
    .trim()
    .replace(/[`'",;.)]+$/, '');
  if (PASSWORD_BEFORE.test(text.slice(Math.max(0, finding.start - 24), finding.start))) return false;
  if (UNRENDERED_EXPRESSION.test(value)) return true;
  if (BRACKETED.test(value)) return false;
  if (onLogLine(text, finding.start)) return true;
  const token = value.replace(/^(?:bearer|token|basic)\s+/i, '');
  if (GENERIC_NAME.test(token.toLowerCase().replace(/[^a-z]/g, ''))) return false;
  const tag = value.replace(/^\S+\s+(?=\{\{|\$\{)/, '');
  // A template tag renders when the request is sent: only a log of what went out shows it did not.
  return isWholeTemplateTag(tag) ? loggedUnrendered(tag, text) : true;
}

/** The tag (`{{$vars.bearer}}`, spaces inside aside) appears on a log line of the text. */
function loggedUnrendered(tag: string, text: string): boolean {
  const inner = tag.replace(/^(?:\{\{|\$\{)\s*|\s*\}{1,2}$/g, '');
  if (inner === '') return false;
  for (let at = text.indexOf(inner); at >= 0; at = text.indexOf(inner, at + inner.length)) {
    if (onLogLine(text, at)) return true;
  }
  return false;
}

/** A short text that shows where the reader's value goes and tells of no failure: a doc's example. */
function readsAsDocumentation(text: string): boolean {
  return DOCUMENTATION_SIGNAL.test(text) && !FAILURE_SIGNAL.test(text);
}

/**
 * Which header findings in free text are the writer's mistakes. In a short paste all are, but a
 * placeholder under a doc's words ("with the following header") is its example. In a
 * longer text, `###` always is (the copy artefact of a duplicated webhook), other masks are the
 * writer hiding their own key, a placeholder is an example unless something failed, the text is
 * not documentation and the value is not the writer's own blank (`<my key>`) or a tag shown as
 * configured, and a bare token is expected when the text says so. The text is judged once,
 * however many findings it holds.
 */
export function mistakesInText(findings: readonly Finding[], text: string): Finding[] {
  if (findings.length === 0) return [];
  if (!isLongText(text)) return findings.filter((finding) => finding.problem !== 'placeholder-token' || !readsAsDocumentation(text));
  let placeholdersCount: boolean | undefined;
  let schemeExpected: boolean | undefined;
  return findings.filter((finding) => {
    if (finding.problem === 'masked-token') return finding.excerpt.includes('#');
    if (finding.problem === 'missing-bearer-prefix') return (schemeExpected ??= !NO_SCHEME_EXPECTED.test(text));
    if (finding.problem !== 'placeholder-token') return true;
    // A writer who ran a doc's example and tells what came back reports, whatever the doc said.
    placeholdersCount ??= FAILURE_SIGNAL.test(text) && (!DOCUMENTATION_SIGNAL.test(text) || ranADocExample(text));
    return placeholdersCount && placeholderWasSent(finding, text);
  });
}

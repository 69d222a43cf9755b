// Output formats of the CLI: JSON lines (DESIGN.md contract 3) and the readable report.
import type { FindingKind, RetryVerdict } from '../engine';
import { plural } from '../engine/text';
import type { LocatedFinding } from './scan';

/**
 * One finding as a JSON line. The first seven fields and their order are the contract; the
 * rest may grow. Nothing here is a secret: excerpts come redacted from the engine.
 */
export interface JsonFindingRecord {
  file: string;
  line: number;
  kind: FindingKind;
  code: number | null;
  problem: string | null;
  title: string;
  steps: string[];
  column: number;
  key: string;
  excerpt: string;
  meaning: string;
  retry: { verdict: RetryVerdict; text: string };
  /** The receiver's own message about the failure (redacted), when the log holds its error body. */
  receiverMessage?: string;
  /** The field that message blames, when it names one. */
  receiverField?: string;
}

export function toJsonRecord(file: string, item: LocatedFinding): JsonFindingRecord {
  const { finding, diagnosis } = item;
  return {
    file,
    line: item.line,
    kind: finding.kind,
    code: finding.code,
    problem: finding.problem,
    title: diagnosis.title,
    steps: [...diagnosis.steps],
    column: item.column,
    key: diagnosis.key,
    excerpt: finding.excerpt,
    meaning: diagnosis.meaning,
    retry: { verdict: diagnosis.retry.verdict, text: diagnosis.retry.text },
    ...receiverFields(diagnosis),
  };
}

function receiverFields(diagnosis: LocatedFinding['diagnosis']): Pick<JsonFindingRecord, 'receiverMessage' | 'receiverField'> {
  const said = diagnosis.receiver;
  if (!said) return {};
  return said.field ? { receiverMessage: said.message, receiverField: said.field } : { receiverMessage: said.message };
}

/** Where JSON lines go: text that differs per finding, and bytes already encoded as UTF-8. */
export interface LineSink {
  append(text: string): void;
  appendBytes(bytes: Uint8Array): void;
}

/**
 * A diagnosis's constant JSON fields, encoded once: big logs repeat the same diagnosis many
 * times, so a line costs only its own fields. Kept by the steps list, which copies of a
 * diagnosis that add the receiver's words share; the other fields are checked, not assumed.
 */
interface SerialisedDiagnosis {
  title: string;
  meaning: string;
  retry: object;
  titleAndSteps: Uint8Array;
  meaningAndRetry: Uint8Array;
}
const serialised = new WeakMap<readonly string[], SerialisedDiagnosis>();
const utf8 = new TextEncoder();

function serialise(diagnosis: LocatedFinding['diagnosis']): SerialisedDiagnosis {
  const kept = serialised.get(diagnosis.steps);
  if (kept && kept.title === diagnosis.title && kept.meaning === diagnosis.meaning && kept.retry === diagnosis.retry) return kept;
  const retry = { verdict: diagnosis.retry.verdict, text: diagnosis.retry.text };
  const parts: SerialisedDiagnosis = {
    title: diagnosis.title,
    meaning: diagnosis.meaning,
    retry: diagnosis.retry,
    titleAndSteps: utf8.encode(`"title":${JSON.stringify(diagnosis.title)},"steps":${JSON.stringify(diagnosis.steps)}`),
    meaningAndRetry: utf8.encode(`"meaning":${JSON.stringify(diagnosis.meaning)},"retry":${JSON.stringify(retry)}`),
  };
  serialised.set(diagnosis.steps, parts);
  return parts;
}

/** One JSON line with the same fields, in the same order, as toJsonRecord (contract 3 first). */
export function writeJsonLine(sink: LineSink, file: string, item: LocatedFinding): void {
  const { finding, diagnosis } = item;
  const parts = serialise(diagnosis);
  sink.append(
    `{"file":${JSON.stringify(file)},"line":${item.line},"kind":${JSON.stringify(finding.kind)},` +
      `"code":${finding.code === null ? 'null' : finding.code},"problem":${JSON.stringify(finding.problem)},`,
  );
  sink.appendBytes(parts.titleAndSteps);
  sink.append(`,"column":${item.column},"key":${JSON.stringify(diagnosis.key)},"excerpt":${JSON.stringify(finding.excerpt)},`);
  sink.appendBytes(parts.meaningAndRetry);
  const receiver = Object.entries(receiverFields(diagnosis)).map(([name, value]) => `,"${name}":${JSON.stringify(value)}`);
  sink.append(`${receiver.join('')}}\n`);
}

/** writeJsonLine as a string (tests, and callers that want text). */
export function formatJsonLine(file: string, item: LocatedFinding): string {
  const decoder = new TextDecoder();
  let text = '';
  writeJsonLine({ append: (piece) => (text += piece), appendBytes: (bytes) => (text += decoder.decode(bytes)) }, file, item);
  return text;
}

export interface Palette {
  file: (text: string) => string;
  title: (text: string) => string;
  dim: (text: string) => string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOR_PALETTE: Palette = { file: ansi(1, 22), title: ansi(31, 39), dim: ansi(2, 22) };
export const PLAIN_PALETTE: Palette = { file: (t) => t, title: (t) => t, dim: (t) => t };

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && env.NO_COLOR === undefined;
}

/** `CODE` for HTTP findings, the problem id otherwise (`connection-refused`). */
export function findingLabel(item: LocatedFinding): string {
  const { finding } = item;
  return finding.code !== null ? String(finding.code) : (finding.problem ?? finding.kind);
}

// Log text can carry terminal escape sequences; the readable report never passes them through.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print on a terminal: control characters become U+FFFD. */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARS, '\ufffd');
}

/** "Receiver says: “campaign_id parameter is required” (field: campaign_id)", or null. */
function receiverLine(diagnosis: LocatedFinding['diagnosis']): string | null {
  const said = diagnosis.receiver;
  if (!said) return null;
  return printable(`Receiver says: “${said.message}”${said.field ? ` (field: ${said.field})` : ''}`);
}

/**
 * The readable report, produced as findings stream in: each file gets a heading, the first
 * finding of a kind is explained in full, later equal ones are a one-line reference to it.
 */
export class ReadableReport {
  private readonly firstSeenAt = new Map<string, string>();
  private readonly counts = new Map<string, { title: string; count: number }>();
  private readonly filesWithFindings = new Set<string>();
  private total = 0;

  constructor(private readonly palette: Palette = PLAIN_PALETTE) {}

  /** Text for a batch of findings from one file. */
  findings(file: string, items: readonly LocatedFinding[]): string {
    let out = '';
    if (items.length > 0 && !this.filesWithFindings.has(file)) {
      out += `${this.filesWithFindings.size > 0 ? '\n' : ''}${this.palette.file(`== ${printable(file)}`)}\n`;
      this.filesWithFindings.add(file);
    }
    for (const item of items) out += this.finding(file, item);
    return out;
  }

  /** The closing line: what was found, most frequent first. */
  summary(filesRead: number): string {
    if (this.total === 0) return `No webhook problems found in ${plural(filesRead, 'file')}.\n`;
    const byCount = [...this.counts.values()].sort((a, b) => b.count - a.count).map(({ title, count }) => `${count} × ${printable(title)}`);
    return `\n${plural(this.total, 'finding')} in ${plural(this.filesWithFindings.size, 'file')}: ${byCount.join(', ')}\n`;
  }

  private finding(file: string, item: LocatedFinding): string {
    const { diagnosis } = item;
    const where = `${printable(file)}:${item.line}`;
    const heading = `${where}  ${printable(findingLabel(item))}  ${this.palette.title(printable(diagnosis.title))}`;
    this.total++;
    const tally = this.counts.get(diagnosis.key);
    if (tally) tally.count++;
    else this.counts.set(diagnosis.key, { title: diagnosis.title, count: 1 });

    const first = this.firstSeenAt.get(diagnosis.key);
    const receiver = receiverLine(diagnosis);
    if (first !== undefined) {
      return `${heading}  ${this.palette.dim(`(explained at ${first})`)}\n${receiver ? `    ${receiver}\n` : ''}`;
    }
    this.firstSeenAt.set(diagnosis.key, where);

    const lines = [heading];
    const indent = '    ';
    if (diagnosis.meaning) lines.push(`${indent}${printable(diagnosis.meaning)}`);
    if (receiver) lines.push(`${indent}${receiver}`);
    if (diagnosis.retry.text) lines.push(`${indent}Retry: ${printable(diagnosis.retry.text)}`);
    if (diagnosis.whereToLook) lines.push(`${indent}Where to look: ${printable(diagnosis.whereToLook)}`);
    diagnosis.steps.forEach((step, index) => lines.push(`${indent}${index + 1}. ${printable(step)}`));
    return `${lines.join('\n')}\n`;
  }
}

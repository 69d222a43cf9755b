// What the engine, and the naive baselines it must beat, report for one text, in the labels' shape.
import { diagnoseInput } from '../../src/popup/diagnose-input';
import { MISTAKE_KINDS, NETWORK_KINDS, type MistakeKind, type NetworkKind, type Observed } from './labels';

const isMistake = (problem: string | null): problem is MistakeKind => MISTAKE_KINDS.includes(problem as MistakeKind);
const isNetwork = (problem: string | null): problem is NetworkKind => NETWORK_KINDS.includes(problem as NetworkKind);

/** The receiver's own words, when the engine quotes them in a diagnosis. */
function receiverOf(diagnosis: object): { message: string; field: string | null } | null {
  const receiver = (diagnosis as { receiver?: { message?: unknown; field?: unknown } }).receiver;
  if (!receiver || typeof receiver.message !== 'string') return null;
  return { message: receiver.message, field: typeof receiver.field === 'string' ? receiver.field : null };
}

/** The engine through the same entry the popup's Diagnose box uses for pasted text. */
export function predictWithEngine(text: string): Observed {
  const observed: Observed = { codes: [], mistakes: [], network: [], receiver: null };
  for (const { diagnosis } of diagnoseInput(text)) {
    if (diagnosis.kind === 'http' && diagnosis.code !== null) observed.codes.push(diagnosis.code);
    if ((diagnosis.kind === 'credential' || diagnosis.kind === 'json') && isMistake(diagnosis.problem)) {
      observed.mistakes.push(diagnosis.problem);
    }
    if (diagnosis.kind === 'network' && isNetwork(diagnosis.problem)) observed.network.push(diagnosis.problem);
    const receiver = receiverOf(diagnosis);
    if (observed.receiver === null && receiver) observed.receiver = receiver;
  }
  return observed;
}

/** The naive status baseline of issue 8: every three-digit number from 100 to 599. */
export function predictNaiveCodes(text: string): Observed {
  const codes = [...text.matchAll(/\b[1-5]\d\d\b/g)].map((match) => Number(match[0]));
  return { codes: [...new Set(codes)], mistakes: [], network: [], receiver: null };
}

/** The naive network baseline: one keyword per kind, anywhere in the text. */
const NETWORK_KEYWORDS: ReadonlyArray<readonly [NetworkKind, RegExp]> = [
  ['connection-refused', /refused/i],
  ['connection-reset', /\breset\b|ECONNRESET|hang up/i],
  ['timeout', /time[ds]?[ -]?out|ETIMEDOUT/i],
  ['dns-failure', /ENOTFOUND|no such host|resolve host|getaddrinfo|name resolution/i],
  ['host-unreachable', /unreachable/i],
  ['tls-certificate', /certificate|x509/i],
  ['tls-handshake', /handshake/i],
  ['unexpected-eof', /\bEOF\b/],
];

export function predictNaiveNetwork(text: string): Observed {
  const network = NETWORK_KEYWORDS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
  return { codes: [], mistakes: [], network, receiver: null };
}

// Heap snapshots of a bench page: taking one over CDP, and reading which code its objects hold.
import type { CDPSession } from 'playwright-core';

/** The parts of V8's heap snapshot format read here. */
export interface Snapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** A snapshot of the page's heap, after a garbage collection. */
export async function takeSnapshot(cdp: CDPSession): Promise<Snapshot> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false } as never);
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as Snapshot;
}

/** V8's compiled code: machine code, its wrappers, regex and function bytecode. */
const CODE_NAMES = new Set(['system / InstructionStream', 'system / Code', 'system / TrustedByteArray', 'system / BytecodeArray']);
/** Holders looked through, level by level, for a regex or a function before giving up. */
const MAX_DEPTH = 6;

export interface CodeOwner {
  /** "regexp:SOURCE", "closure:NAME", or "unknown". */
  owner: string;
  bytes: number;
  count: number;
}

/**
 * The snapshot's code summed by what it was compiled for: each code object's holders are walked
 * up, breadth first, to the nearest regex or function. Largest first.
 */
export function codeByOwner(snapshot: Snapshot): CodeOwner[] {
  const { node_fields: fields, edge_fields: edgeFields, node_types: nodeTypes } = snapshot.snapshot.meta;
  const stride = fields.length;
  const edgeStride = edgeFields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const edgeCountAt = fields.indexOf('edge_count');
  const toAt = edgeFields.indexOf('to_node');
  const types = nodeTypes[0];
  const count = snapshot.nodes.length / stride;
  const typeOf = (node: number) => types[snapshot.nodes[node * stride + typeAt]!] ?? '?';
  const nameOf = (node: number) => snapshot.strings[snapshot.nodes[node * stride + nameAt]!] ?? '';
  // Edges run from holder to held: reversed, they say who holds each node.
  const holders: number[][] = Array.from({ length: count }, () => []);
  let edge = 0;
  for (let node = 0; node < count; node++) {
    const edges = snapshot.nodes[node * stride + edgeCountAt]!;
    for (let i = 0; i < edges; i++, edge += edgeStride) holders[snapshot.edges[edge + toAt]! / stride]!.push(node);
  }
  const ownerOf = (start: number): string => {
    let level = [start];
    const seen = new Set(level);
    for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
      const next: number[] = [];
      for (const node of level) {
        for (const holder of holders[node]!) {
          if (seen.has(holder)) continue;
          seen.add(holder);
          const type = typeOf(holder);
          if (type === 'regexp' || type === 'closure') return `${type}:${nameOf(holder)}`;
          next.push(holder);
        }
      }
      level = next;
    }
    return 'unknown';
  };
  const sums = new Map<string, CodeOwner>();
  for (let node = 0; node < count; node++) {
    if (!CODE_NAMES.has(nameOf(node))) continue;
    const owner = ownerOf(node);
    const sum = sums.get(owner) ?? { owner, bytes: 0, count: 0 };
    sum.bytes += snapshot.nodes[node * stride + sizeAt]!;
    sum.count++;
    sums.set(owner, sum);
  }
  return [...sums.values()].sort((a, b) => b.bytes - a.bytes);
}

import { describe, expect, it } from 'vitest';
import { codeByOwner, type Snapshot } from '../../scripts/bench/snapshot-reader';

const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'native'];
const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count'];
const EDGE_FIELDS = ['type', 'name_or_index', 'to_node'];

interface Node {
  type: string;
  name: string;
  size: number;
  holds: number[];
}

/** A snapshot in V8's flat format from nodes that list the indexes of the nodes they hold. */
function snapshotOf(nodes: Node[]): Snapshot {
  const strings: string[] = [];
  const stringAt = (text: string) => (strings.includes(text) ? strings.indexOf(text) : strings.push(text) - 1);
  const flatNodes: number[] = [];
  const edges: number[] = [];
  nodes.forEach((node, id) => {
    flatNodes.push(NODE_TYPES.indexOf(node.type), stringAt(node.name), id, node.size, node.holds.length);
    for (const held of node.holds) edges.push(0, 0, held * NODE_FIELDS.length);
  });
  return {
    snapshot: { meta: { node_fields: NODE_FIELDS, edge_fields: EDGE_FIELDS, node_types: [NODE_TYPES] } },
    nodes: flatNodes,
    edges,
    strings,
  };
}

describe('codeByOwner', () => {
  it('sums code under the regex or function that holds it, through intermediate holders', () => {
    const owners = codeByOwner(
      snapshotOf([
        /* 0 */ { type: 'regexp', name: 'connection refused', size: 32, holds: [1] },
        /* 1 */ { type: 'native', name: 'system / IrRegExpData', size: 40, holds: [2, 4] },
        /* 2 */ { type: 'code', name: 'system / Code', size: 72, holds: [3] },
        /* 3 */ { type: 'code', name: 'system / InstructionStream', size: 200_000, holds: [] },
        /* 4 */ { type: 'code', name: 'system / TrustedByteArray', size: 500, holds: [] },
        /* 5 */ { type: 'closure', name: 'detectRow', size: 32, holds: [6] },
        /* 6 */ { type: 'code', name: 'system / BytecodeArray', size: 1_000, holds: [] },
        /* 7 */ { type: 'code', name: 'system / InstructionStream', size: 300, holds: [] },
        /* 8 */ { type: 'object', name: 'Object', size: 5_000, holds: [] },
      ]),
    );
    expect(owners).toEqual([
      { owner: 'regexp:connection refused', bytes: 200_572, count: 3 },
      { owner: 'closure:detectRow', bytes: 1_000, count: 1 },
      { owner: 'unknown', bytes: 300, count: 1 },
    ]);
  });

  it('gives up on an owner further than its reach', () => {
    const chain: Node[] = [{ type: 'regexp', name: 'far', size: 1, holds: [1] }];
    for (let i = 1; i <= 7; i++) chain.push({ type: 'native', name: 'link', size: 1, holds: [i + 1] });
    chain.push({ type: 'code', name: 'system / InstructionStream', size: 64, holds: [] });
    expect(codeByOwner(snapshotOf(chain))).toEqual([{ owner: 'unknown', bytes: 64, count: 1 }]);
  });
});

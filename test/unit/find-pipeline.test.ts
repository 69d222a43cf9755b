import { describe, expect, it } from 'vitest';
import { findWith, type TextDetector } from '../../src/engine/find/pipeline';
import type { Finding } from '../../src/engine/types';

describe('findWith', () => {
  it("collects a detector's 300,000 findings without overflowing the stack, in order", () => {
    // A megabyte line of statuses gives a detector over 100,000 findings; spreading them into one
    // push call passes each as an argument, past what the stack holds.
    const many: TextDetector = {
      mayFind: () => true,
      find: () => Array.from({ length: 300_000 }, (_, i) => ({ start: 300_000 - i, end: 300_001 - i }) as unknown as Finding),
    };
    const found = findWith('x', [many]);
    expect(found).toHaveLength(300_000);
    expect(found[0]!.start).toBe(1);
    expect(found.at(-1)!.start).toBe(300_000);
  });
});

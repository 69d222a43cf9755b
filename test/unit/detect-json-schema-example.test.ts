import { describe, expect, it } from 'vitest';
import { detectJsonInText } from '../../src/engine/detect/json/json-in-text';

const invalidIn = (text: string): boolean => detectJsonInText(text).some((finding) => finding.problem === 'invalid-json');

describe('a payload described by the types of its fields', () => {
  it('is a schema with notes, not a body that was sent', () => {
    const doc = 'Each notification is a POST with this shape:\n{\n"type": "string", // the kind of change\n"payload": "object"\n}';
    expect(invalidIn(doc)).toBe(false);
  });

  it('still counts when the fields hold values', () => {
    const sent = 'Each notification is a POST with this shape:\n{\n"type": "order.paid", // the kind of change\n"payload": {"id": 7}\n}';
    expect(invalidIn(sent)).toBe(true);
  });
});

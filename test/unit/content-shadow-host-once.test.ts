// @vitest-environment happy-dom
// isHiddenByShadowHost is asked of a hit's text (rowFor) and again of its row (the scanner):
// within one task each host's root is searched for a <slot> once, and a new task reads afresh.
import { describe, expect, it, vi } from 'vitest';
import { isHiddenByShadowHost, rowFor } from '../../src/content/scan/rows';
import { generic } from '../../src/providers/generic';

function hostWithRows(slotted: boolean): { host: Element; root: ShadowRoot; rows: Element[] } {
  document.body.innerHTML = '<div id="host"><ul><li>HTTP 500 a</li><li>HTTP 502 b</li><li>HTTP 503 c</li></ul></div>';
  const host = document.getElementById('host')!;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = slotted ? '<p>log</p><slot></slot>' : '<p>log</p>';
  return { host, root, rows: [...host.querySelectorAll('li')] };
}

describe('isHiddenByShadowHost reads each host once a task', () => {
  it('a slotless host hides its rows, and its root is searched once for all of them', () => {
    const { root, rows } = hostWithRows(false);
    const search = vi.spyOn(root, 'querySelector');
    for (const row of rows) {
      expect(rowFor(row.firstChild!, generic)).toBeNull();
      expect(isHiddenByShadowHost(row)).toBe(true);
    }
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('the next task reads the root afresh: a slot added since shows the rows', async () => {
    const { root, rows } = hostWithRows(false);
    expect(isHiddenByShadowHost(rows[0]!)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.appendChild(document.createElement('slot'));
    expect(isHiddenByShadowHost(rows[0]!)).toBe(false);
    expect(rowFor(rows[0]!.firstChild!, generic)).toBe(rows[0]);
  });
});

// @vitest-environment happy-dom
// Which elements are ours (src/content/page/dom.ts isOurs): what the scan skips and may remove.
import { describe, expect, it } from 'vitest';
import { createBadge } from '../../src/content/badges/badge';
import { openCard } from '../../src/content/badges/card';
import { isOurs, isSkipped } from '../../src/content/page/dom';

describe('isOurs', () => {
  it('knows our badge host after the page stripped every attribute from it', () => {
    const host = createBadge(document, openCard);
    document.body.append(host);
    for (const name of host.getAttributeNames()) host.removeAttribute(name);
    expect(host.attributes.length).toBe(0);
    expect(isOurs(host)).toBe(true);
    expect(isSkipped(host)).toBe(true);
  });

  it('is false for page content that carries our attribute', () => {
    document.body.innerHTML = '<span data-webhook-doctor="badge" data-webhook-doctor-owner="0000">HTTP 500</span>';
    expect(isOurs(document.body.firstElementChild!)).toBe(false);
  });
});

// @vitest-environment happy-dom
// The popup's "Copy as curl": asks the tab's extras for the command and copies it, or says there is
// no editor on the page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { CopyCurlButton, curlOfTab } from '../../src/popup/copy-curl';
import { EXTRAS_GLOBAL } from '../../src/content/runtime/extras-api';
import type { TabFindings } from '../../src/shared/messages';
import { mountRoot } from '../support/render-root';

const TAB: TabFindings = {
  tabId: 7,
  url: 'https://www.klaviyo.com/flow/X/edit',
  provider: 'klaviyo',
  endpointUrl: 'https://hooks.slack.com/services/T0/B0',
  groups: [],
  diagnoses: {},
};
const scope = globalThis as Record<string, unknown>;

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

let root: HTMLElement;
let copied: string[];

beforeEach(() => {
  root = mountRoot();
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
});
afterEach(() => {
  delete scope[EXTRAS_GLOBAL];
});

async function click(): Promise<string> {
  await act(() => {
    render(<CopyCurlButton tab={TAB} />, root);
  });
  await act(async () => {
    root.querySelector<HTMLButtonElement>('.copy--curl button')!.click();
    await settle();
  });
  return root.querySelector('.copy__status')?.textContent ?? '';
}

describe('Copy as curl in the popup', () => {
  it("copies the command the tab's extras build", async () => {
    scope[EXTRAS_GLOBAL] = { curlOfPage: () => 'curl -i -X POST \'https://hooks.slack.com/services/T0/B0/\'"$SLACK_WEBHOOK_SECRET"' };
    expect(await curlOfTab(TAB.tabId)).toContain('$SLACK_WEBHOOK_SECRET');
    expect(await click()).toContain('secrets are placeholders');
    expect(copied).toEqual(['curl -i -X POST \'https://hooks.slack.com/services/T0/B0/\'"$SLACK_WEBHOOK_SECRET"']);
  });

  it('says so when no editor is open (no extras, or no request)', async () => {
    expect(await click()).toBe('No webhook editor is open on this page.');
    scope[EXTRAS_GLOBAL] = { curlOfPage: () => null };
    expect(await click()).toBe('No webhook editor is open on this page.');
    expect(copied).toEqual([]);
  });
});

// Set up once for every unit test file (vitest.config.ts, project "unit"):
// - the browser fake's i18n is on `chrome`, where the content script and the pages look it up
//   (src/shared/i18n.ts); tests that replace `chrome` or `browser` take it away for themselves only;
// - each test starts with a clean in-memory browser (test/fakes/browser-fake.ts);
// - the content script's messaging is replaced by spies, so content tests need no worker: snapshots
//   are answered with no diagnoses, settings are the defaults, content-extras.js loads at once.
//   A test file can change a spy's answer (vi.mocked), and one that tests the real module says
//   vi.unmock('../../src/content/runtime/messaging').
import { beforeEach, vi } from 'vitest';
import browser, { resetBrowserFake } from '../fakes/browser-fake';

(globalThis as { chrome?: unknown }).chrome ??= { i18n: browser.i18n };

vi.mock('../../src/content/runtime/messaging', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/content/runtime/messaging')>();
  const { DEFAULT_SETTINGS } = await import('../../src/shared/settings');
  return {
    ...real,
    sendSnapshot: vi.fn(async () => null),
    sendFrameGone: vi.fn(async () => undefined),
    loadExtras: vi.fn(async () => (await import('../../src/content/extras')).contentExtras),
    answerScanStats: vi.fn(),
    loadSettings: vi.fn(async () => ({ providers: { ...DEFAULT_SETTINGS.providers }, badgeDensity: DEFAULT_SETTINGS.badgeDensity })),
    watchSettings: vi.fn(),
    extensionAlive: vi.fn(() => true),
  };
});

beforeEach(() => resetBrowserFake());

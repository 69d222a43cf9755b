// Set up once for every unit test file (vitest.config.ts, project "unit"):
// - the browser fake is the native `browser` too, and its i18n is on `chrome`, where the content
//   script and the pages look them up (src/content/runtime-api.ts, src/shared/i18n.ts); tests that
//   replace `chrome` or `browser` take it away for themselves only;
// - each test starts with a clean in-memory browser (test/fakes/browser-fake.ts);
// - the content script's messaging is replaced by spies, so content tests need no worker: snapshots
//   are answered with no diagnoses, settings are the defaults, content-extras.js loads at once.
//   A test file can change a spy's answer (vi.mocked), and one that tests the real module says
//   vi.unmock('../../src/content/runtime/messaging').
// - every fast-check property runs from one fixed seed (FUZZ_SEED overrides it), so that a run of
//   `npm test` is repeatable: a random seed made the CI a lottery whenever a property could still
//   find something. Fresh cases are `npm run fuzz`'s job (random seeds, many more cases).
import fc from 'fast-check';
import { beforeEach, vi } from 'vitest';
import browser, { resetBrowserFake } from '../fakes/browser-fake';

/** The seed of every property in `npm test`; a found counterexample is kept as an example too. */
const TEST_SEED = 20_261_207;
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? TEST_SEED) });

(globalThis as { chrome?: unknown }).chrome ??= { i18n: browser.i18n };
// The popup and content.js use the native namespace (src/content/runtime-api.ts), not the polyfill.
(globalThis as { browser?: unknown }).browser ??= browser;

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

// The browser lookup behind the demo, the benchmark and the browser tests.
import { describe, it, expect } from 'vitest';
import { BrowserNotFoundError, findBrowser, type LookupEnvironment } from '../../scripts/find-browser';

function machine(executables: string[], env: Record<string, string> = {}): LookupEnvironment {
  return { env: { PATH: '/usr/local/bin:/usr/bin:/snap/bin', ...env }, isExecutable: (file) => executables.includes(file) };
}

describe('findBrowser', () => {
  it.each<[string, 'chromium' | 'firefox', string[], Record<string, string>, string]>([
    ['Debian chromium', 'chromium', ['/usr/bin/chromium', '/usr/bin/google-chrome'], {}, '/usr/bin/chromium'],
    ['chromium-browser on PATH', 'chromium', ['/snap/bin/chromium-browser'], {}, '/snap/bin/chromium-browser'],
    ['Google Chrome on PATH', 'chromium', ['/usr/bin/google-chrome'], {}, '/usr/bin/google-chrome'],
    ['CHROMIUM_PATH first', 'chromium', ['/opt/c/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/c/chrome' }, '/opt/c/chrome'],
    ['Debian firefox-esr', 'firefox', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], {}, '/usr/bin/firefox-esr'],
    ['firefox on PATH', 'firefox', ['/usr/local/bin/firefox'], {}, '/usr/local/bin/firefox'],
    ['FIREFOX_PATH first', 'firefox', ['/opt/ff/firefox', '/usr/bin/firefox-esr'], { FIREFOX_PATH: '/opt/ff/firefox' }, '/opt/ff/firefox'],
  ])('%s', (_name, kind, executables, env, expected) => {
    expect(findBrowser(kind, machine(executables, env))).toBe(expected);
  });

  it.each<['chromium' | 'firefox', string]>([
    ['chromium', 'apt-get install chromium'],
    ['firefox', 'apt-get install firefox-esr'],
  ])('without a %s: one line naming the install command', (kind, command) => {
    let error: unknown;
    try {
      findBrowser(kind, machine(['/usr/bin/true']));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain(`\`${command}\``);
    expect(message).not.toContain('\n');
  });

  it('a variable naming a missing file is an error, not a silent fallback', () => {
    expect(() => findBrowser('chromium', machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope/chrome' }))).toThrow(
      /CHROMIUM_PATH=\/nope\/chrome is not an executable file/,
    );
  });

  it('finds the real browsers of this machine', () => {
    expect(findBrowser('chromium')).toMatch(/chrom/);
    expect(findBrowser('firefox')).toMatch(/firefox/);
  });
});

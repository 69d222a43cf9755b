// Finds the browser the demo, the benchmark and the browser tests drive, in the usual places, and
// says in one line how to install one when there is none (instead of a library's stack trace).
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

interface BrowserSearch {
  /** The environment variable that names a browser binary. */
  envVar: string;
  /** Absolute paths, then command names looked up on PATH. */
  candidates: string[];
  /** What installs one on this Debian machine. */
  install: string;
  label: string;
}

export const BROWSER_SEARCH: Record<BrowserKind, BrowserSearch> = {
  chromium: {
    envVar: 'CHROMIUM_PATH',
    candidates: ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    install: 'apt-get install chromium',
    label: 'Chromium',
  },
  firefox: {
    envVar: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', 'firefox-esr', 'firefox'],
    install: 'apt-get install firefox-esr',
    label: 'Firefox',
  },
};

export interface LookupEnvironment {
  env: Record<string, string | undefined>;
  /** True when the path is an executable file. */
  isExecutable: (file: string) => boolean;
}

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const NODE_ENVIRONMENT: LookupEnvironment = { env: process.env, isExecutable: isExecutableFile };

/** The first executable candidate: the environment variable (which must then exist), then the usual places. */
export function findBrowser(kind: BrowserKind, environment: LookupEnvironment = NODE_ENVIRONMENT): string {
  const search = BROWSER_SEARCH[kind];
  const { env, isExecutable } = environment;
  const named = env[search.envVar];
  if (named) {
    if (isExecutable(named)) return named;
    throw new BrowserNotFoundError(
      `${search.envVar}=${named} is not an executable file: fix it, or unset it and run \`${search.install}\`.`,
    );
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const candidate of search.candidates) {
    const files = path.isAbsolute(candidate) ? [candidate] : dirs.map((dir) => path.join(dir, candidate));
    const found = files.find(isExecutable);
    if (found) return found;
  }
  throw new BrowserNotFoundError(
    `No ${search.label} found (looked at $${search.envVar}, ${search.candidates.join(', ')}): install one with \`${search.install}\`, or set ${search.envVar}.`,
  );
}

/** For scripts: the browser's path, or one clear line on stderr and exit status 1. */
export function findBrowserOrExit(kind: BrowserKind): string {
  try {
    return findBrowser(kind);
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

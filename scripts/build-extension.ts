// The one way to build the extension: `npm run build`, `npm run build:firefox`, the benchmark,
// the demo, the release packager and the packaging tests all come through here.
// `tsx scripts/build-extension.ts [chrome|firefox]` builds one target from the command line.
//
// `--configLoader runner`: vite.config.ts reads the provider registry, which imports source files
// by extensionless paths as the rest of src/ does; vite's default loader cannot resolve those.
import { execFileSync, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type ExtensionTarget = 'chrome' | 'firefox';

const TARGETS: readonly ExtensionTarget[] = ['chrome', 'firefox'];
const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** The `vite build` arguments for one target (dist/ for Chromium, dist-firefox/ for Firefox). */
export function extensionBuildArgs(target: ExtensionTarget, logLevel?: 'info' | 'warn' | 'error'): string[] {
  return [
    'build',
    '--configLoader',
    'runner',
    ...(target === 'firefox' ? ['--mode', 'firefox'] : []),
    ...(logLevel ? ['--logLevel', logLevel] : []),
  ];
}

export interface ExtensionBuildOptions {
  target: ExtensionTarget;
  /** The checkout to build (its own node_modules/vite); this repository by default. */
  root?: string;
  logLevel?: 'info' | 'warn' | 'error';
  stdio?: StdioOptions;
  env?: NodeJS.ProcessEnv;
}

/** Builds one target with the vite of `root`, synchronously; throws when the build fails. */
export function buildExtension({ target, root = REPO_ROOT, logLevel, stdio = 'inherit', env }: ExtensionBuildOptions): void {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, ...extensionBuildArgs(target, logLevel)], { cwd: root, stdio, env });
}

function isExtensionTarget(value: string): value is ExtensionTarget {
  return (TARGETS as readonly string[]).includes(value);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2] ?? 'chrome';
  if (!isExtensionTarget(target)) {
    console.error(`Unknown target "${target}": use ${TARGETS.join(' or ')}.`);
    process.exit(2);
  }
  try {
    buildExtension({ target });
  } catch {
    // vite has printed why.
    process.exit(1);
  }
}

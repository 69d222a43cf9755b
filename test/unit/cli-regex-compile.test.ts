// regex-compile.ts must run before any engine module creates its regexes (V8 reads the tier-up
// setting when a regex is created): main.ts imports it first, and nothing it loads reaches the engine.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../../src/cli');
const ENGINE = path.resolve(import.meta.dirname, '../../src/engine');

/** The modules a file loads when it runs, in order: `import type` is erased and does not count. */
function runtimeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
}

/** The source file a relative specifier names: `./x` is x.ts, x.tsx or x/index.ts. */
function resolveSource(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${from}: cannot resolve ${specifier}`);
  return found;
}

/** Every source file `file` loads, directly or not (relative imports only; built-ins and JSON load no code). */
function loadedFiles(file: string, seen = new Set<string>()): Set<string> {
  for (const specifier of runtimeImports(file)) {
    if (!specifier.startsWith('.') || specifier.endsWith('.json')) continue;
    const target = resolveSource(file, specifier);
    if (seen.has(target)) continue;
    seen.add(target);
    loadedFiles(target, seen);
  }
  return seen;
}

describe('CLI regex compile setting', () => {
  it('is the first module main.ts loads', () => {
    expect(runtimeImports(path.join(CLI, 'main.ts'))[0]).toBe('./regex-compile');
  });

  it('loads no engine module before it runs', () => {
    const loaded = [...loadedFiles(path.join(CLI, 'regex-compile.ts'))];
    expect(loaded.filter((file) => file.startsWith(ENGINE))).toEqual([]);
  });

  it('would see an engine module loaded through a chain of imports', () => {
    // The check above can fail: main.ts itself reaches the engine through run.ts.
    expect([...loadedFiles(path.join(CLI, 'main.ts'))].some((file) => file.startsWith(ENGINE))).toBe(true);
  });
});

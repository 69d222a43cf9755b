// The extras are injected as several classic scripts, one task each (CONTENT_EXTRAS_FILES): each
// part takes what it requires from the parts before it, and only the last registers the API, so
// content.js reads either the whole API or none. The parts here are CommonJS chunks as the bundler
// writes them, run in order in one global as the isolated world runs them.
import { describe, it, expect } from 'vitest';
import vm from 'node:vm';
import { orderExtrasParts, wrapExtrasPart } from '../../scripts/content-extras-parts';
import { CONTENT_EXTRAS_FILE, CONTENT_EXTRAS_FILES } from '../../src/shared/messages';
import { EXTRAS_GLOBAL, readExtras } from '../../src/content/runtime/extras-api';

const earlier = (index: number) => CONTENT_EXTRAS_FILES.slice(0, index);

/**
 * Part `index` as the bundler writes it: requires every part before it, exports its position
 * plus theirs through a getter (as rolldown does); the entry registers the sum as its API.
 */
function chunkCode(index: number): string {
  const requires = earlier(index).map((file, i) => `const p${i}=require("./${file}");`);
  const sum = ['0', ...earlier(index).map((_file, i) => `p${i}.value`)].join('+');
  const own = `var value=${index + 1}+${sum};`;
  return CONTENT_EXTRAS_FILES[index] === CONTENT_EXTRAS_FILE
    ? `${requires.join('')}${own}globalThis[${JSON.stringify(EXTRAS_GLOBAL)}]={total:value};`
    : `${requires.join('')}Object.defineProperty(exports,"value",{enumerable:!0,get:function(){return value}});${own}`;
}

const scripts = CONTENT_EXTRAS_FILES.map((file, index) => wrapExtrasPart(file, chunkCode(index)));

/** An isolated world: runs scripts in one global; `api()` is what content.js would read. */
function isolatedWorld() {
  const context = vm.createContext({});
  const scope = vm.runInContext('globalThis', context) as object;
  return { run: (script: string) => vm.runInContext(script, context), api: () => readExtras(scope) };
}

/** 1 + (2 + 1) + ... : what the entry registers when every part ran once, in order. */
function expectedTotal(): number {
  const values: number[] = [];
  for (let i = 0; i < CONTENT_EXTRAS_FILES.length; i++) values.push(i + 1 + values.reduce((a, b) => a + b, 0));
  return values.at(-1)!;
}

describe('the parts of content-extras', () => {
  it('are several files, the entry last', () => {
    expect(CONTENT_EXTRAS_FILES.length).toBeGreaterThan(1);
    expect(CONTENT_EXTRAS_FILES.at(-1)).toBe(CONTENT_EXTRAS_FILE);
    expect(new Set(CONTENT_EXTRAS_FILES).size).toBe(CONTENT_EXTRAS_FILES.length);
  });

  it('register the API only once the last has run, with what every part gave it', () => {
    const world = isolatedWorld();
    for (const script of scripts) {
      expect(world.api()).toBeNull();
      world.run(script);
    }
    expect(world.api()).toEqual({ total: expectedTotal() });
  });

  it('leave no API when a part is missing: the entry stops at what it cannot require', () => {
    for (let missing = 0; missing < scripts.length - 1; missing++) {
      const world = isolatedWorld();
      const run = () => scripts.forEach((script, index) => index !== missing && world.run(script));
      expect(run).toThrow(`${CONTENT_EXTRAS_FILES[missing]} is not loaded`);
      expect(world.api()).toBeNull();
    }
  });

  it('register nothing from a part whose code throws, so a later load injects it again', () => {
    const world = isolatedWorld();
    expect(() => world.run(wrapExtrasPart(CONTENT_EXTRAS_FILES[0]!, 'throw new Error("no")'))).toThrow('no');
    expect(() => scripts.slice(1).forEach(world.run)).toThrow(`${CONTENT_EXTRAS_FILES[0]} is not loaded`);
    scripts.forEach(world.run);
    expect(world.api()).toEqual({ total: expectedTotal() });
  });

  it('run again as a whole when injected again (a second load registers the same API)', () => {
    const world = isolatedWorld();
    scripts.forEach(world.run);
    scripts.forEach(world.run);
    expect(world.api()).toEqual({ total: expectedTotal() });
  });

  it('run their code in strict mode, as the ES modules they come from', () => {
    const world = isolatedWorld();
    expect(() => world.run(wrapExtrasPart(CONTENT_EXTRAS_FILES[0]!, 'undeclared = 1;'))).toThrow(/undeclared/);
  });
});

describe('the order the build checks', () => {
  const chunk = (fileName: string, imports: string[] = []) => ({ fileName, imports });
  const backwards = CONTENT_EXTRAS_FILES.map((file, index) => chunk(file, earlier(index)));

  it("is the worker's, whatever order the bundler lists the chunks in", () => {
    expect(orderExtrasParts([...backwards].reverse())).toEqual(CONTENT_EXTRAS_FILES);
  });

  it('refuses a part that needs one injected after it', () => {
    const [first, ...rest] = backwards;
    expect(() => orderExtrasParts([chunk(first!.fileName, [CONTENT_EXTRAS_FILE]), ...rest])).toThrow('injected after it');
    expect(() => orderExtrasParts([chunk(first!.fileName, [first!.fileName]), ...rest])).toThrow('injected after it');
  });

  it('refuses a part that needs a file the worker never injects', () => {
    const [first, ...rest] = backwards;
    expect(() => orderExtrasParts([chunk(first!.fileName, ['content-extras-shared.js']), ...rest])).toThrow('never injects');
  });

  it('refuses files the worker does not inject, and missing ones', () => {
    expect(() => orderExtrasParts([...backwards, chunk('content-extras-more.js')])).toThrow('content-extras-more.js');
    expect(() => orderExtrasParts(backwards.slice(1))).toThrow('the worker injects');
  });
});

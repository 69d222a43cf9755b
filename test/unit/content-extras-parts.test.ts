// The extras are injected as several classic scripts, one task each (CONTENT_EXTRAS_FILES), all sent
// at once, so the browser may run them in any order: each part waits for the parts it requires, and
// only the entry registers the API, so content.js reads either the whole API or none. The parts
// here are CommonJS chunks as the bundler writes them, run in one global as the isolated world runs them.
import { describe, it, expect } from 'vitest';
import vm from 'node:vm';
import { orderExtrasParts, wrapExtrasPart } from '../../scripts/content-extras-parts';
import { CONTENT_EXTRAS_FILE, CONTENT_EXTRAS_FILES } from '../../src/shared/messages';
import { EXTRAS_GLOBAL, EXTRAS_PARTS_GLOBAL, readExtras } from '../../src/content/runtime/extras-api';

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

const BUILD = 'build-a';
const wrap = (file: string, code: string, build = BUILD) =>
  wrapExtrasPart(
    file,
    code,
    earlier(CONTENT_EXTRAS_FILES.indexOf(file)).map((needed) => `./${needed}`),
    build,
  );
const scripts = CONTENT_EXTRAS_FILES.map((file, index) => wrap(file, chunkCode(index)));

/** Every order of the indexes 0..n-1. */
function orders(n: number): number[][] {
  if (n === 0) return [[]];
  return orders(n - 1).flatMap((order) =>
    order.map((_, at) => [...order.slice(0, at), n - 1, ...order.slice(at)]).concat([[...order, n - 1]]),
  );
}

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

  it('register the same API in whatever order the browser runs them, and only after the last', () => {
    const all = orders(scripts.length);
    expect(all).toHaveLength([1, 2, 3, 4, 5, 6].slice(0, scripts.length).reduce((a, b) => a * b, 1));
    for (const order of all) {
      const world = isolatedWorld();
      for (const index of order) {
        expect(world.api()).toBeNull();
        world.run(scripts[index]!);
      }
      expect(world.api()).toEqual({ total: expectedTotal() });
    }
  });

  it('leave no API while a part is missing, and complete it when that part comes', () => {
    for (let missing = 0; missing < scripts.length - 1; missing++) {
      const world = isolatedWorld();
      scripts.forEach((script, index) => index !== missing && world.run(script));
      expect(world.api()).toBeNull();
      world.run(scripts[missing]!);
      expect(world.api()).toEqual({ total: expectedTotal() });
    }
  });

  it('register nothing from a part whose code throws, so a later load injects it again', () => {
    const world = isolatedWorld();
    expect(() => world.run(wrap(CONTENT_EXTRAS_FILES[0]!, 'throw new Error("no")'))).toThrow('no');
    scripts.slice(1).forEach(world.run);
    expect(world.api()).toBeNull();
    scripts.forEach(world.run);
    expect(world.api()).toEqual({ total: expectedTotal() });
  });

  it('run each part once: a second load runs only what did not run, and an error stops no other part', () => {
    const world = isolatedWorld();
    const runs = () => world.run('globalThis.runs');
    const counted = CONTENT_EXTRAS_FILES.map((file, index) => wrap(file, `globalThis.runs=(globalThis.runs??0)+1;${chunkCode(index)}`));
    const [first, second, ...rest] = counted;
    // The second part throws while the first is waiting for nothing: the first still registers.
    world.run(second!.replace('globalThis.runs=', 'throw new Error("boom");globalThis.runs='));
    expect(() => world.run(first!)).toThrow('boom');
    rest.forEach(world.run);
    expect(world.api()).toBeNull();
    expect(runs()).toBe(1);
    // The retry comes out of order: the entry (waiting for the second part) arrives again first.
    [...counted].reverse().forEach(world.run);
    expect(world.api()).toEqual({ total: expectedTotal() });
    expect(runs()).toBe(CONTENT_EXTRAS_FILES.length);
  });

  it('never take an element the page named like their globals for their own', () => {
    // Named access: a page's `<div id=…>` shows on the global's prototype chain, not as its own
    // property; a cross-origin frame's window takes no property (here: a frozen object).
    const named = Object.freeze({ tagName: 'DIV' });
    const world = Object.create({ [EXTRAS_PARTS_GLOBAL]: named, [EXTRAS_GLOBAL]: named }) as object;
    expect(readExtras(world)).toBeNull();
    for (const script of scripts) (new Function('globalThis', script) as (scope: object) => void)(world);
    expect(readExtras(world)).toEqual({ total: expectedTotal() });
  });

  it("never mix with another build's parts left in the world (an extension update)", () => {
    const world = isolatedWorld();
    const older = CONTENT_EXTRAS_FILES.map((file, index) =>
      wrap(file, chunkCode(index).replace(/var value=/, 'var value=100+'), 'build-old'),
    );
    older.slice(0, -1).forEach(world.run);
    world.run(scripts.at(-1)!);
    expect(world.api()).toBeNull();
    scripts.slice(0, -1).forEach(world.run);
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
    expect(() => world.run(wrap(CONTENT_EXTRAS_FILES[0]!, 'undeclared = 1;'))).toThrow(/undeclared/);
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

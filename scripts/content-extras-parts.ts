// How content-extras is cut into the classic scripts the worker injects one by one
// (CONTENT_EXTRAS_FILES). Compiling and running the whole bundle in one go took one 50–60 ms task
// of the page (issue 9's budget is 50 ms); each part is a task of its own.
//
// The bundler splits the extras' module graph into CommonJS chunks (no module is copied into two
// parts), and each chunk is wrapped into a classic script: it takes what it requires from the
// parts registered before it and registers its own exports in the isolated world. The entry comes
// last and registers the API content.js reads, so content.js never sees a partial one.
import type { Rolldown } from 'vite';
import { CONTENT_EXTRAS_FILES } from '../src/shared/messages.ts';
import { EXTRAS_PARTS_GLOBAL } from '../src/content/runtime/extras-api.ts';

/**
 * Rolldown's chunk groups: a group takes the modules its test matches and, first, everything they
 * import that a group of higher priority has not taken, so a part only requires parts before it.
 * Sized so that each part is about 100 KB minified (about 10 ms of compiling on a loaded machine,
 * plus the regex sources its modules build at load). What no group takes stays in the entry: the
 * field checks with the endpoint catalog, the card, curl. The file names are `content-extras-NAME.js`.
 */
export const EXTRAS_PART_GROUPS = [
  { name: 'endpoints', test: /[\\/]engine[\\/]catalog[\\/]endpoints[\\/]/, priority: 5 },
  { name: 'network', test: /[\\/]engine[\\/]detect[\\/](network|shared)[\\/]/, priority: 4 },
  { name: 'credential', test: /[\\/]engine[\\/]detect[\\/](credential|json)[\\/]/, priority: 3 },
  { name: 'receiver', test: /[\\/]engine[\\/]detect[\\/]/, priority: 2 },
];

export const extrasPartFileName = (name: string): string => `content-extras-${name}.js`;

/** The file a chunk's `require("./x.js")` names. */
const requiredFile = (specifier: string): string => specifier.replace(/^\.\//, '');

/**
 * The chunks in CONTENT_EXTRAS_FILES' order; throws when the build made other files, or when a
 * part needs one injected after it.
 */
export function orderExtrasParts(chunks: readonly Pick<Rolldown.OutputChunk, 'fileName' | 'imports'>[]): string[] {
  const made = chunks.map((chunk) => chunk.fileName).sort();
  const expected = [...CONTENT_EXTRAS_FILES].sort();
  if (made.join() !== expected.join()) {
    throw new Error(`content extras: the build made ${made.join(', ')}, the worker injects ${expected.join(', ')}`);
  }
  for (const chunk of chunks) {
    const position = CONTENT_EXTRAS_FILES.indexOf(chunk.fileName);
    for (const imported of chunk.imports.map(requiredFile)) {
      const at = CONTENT_EXTRAS_FILES.indexOf(imported);
      if (at < 0) throw new Error(`content extras: ${chunk.fileName} needs ${imported}, which the worker never injects`);
      if (at >= position) throw new Error(`content extras: ${chunk.fileName} needs ${imported}, which is injected after it`);
    }
  }
  return [...CONTENT_EXTRAS_FILES];
}

/**
 * A CommonJS chunk as a classic script. The worker sends every part at once (one round trip per
 * part, one after another, left the last badges of a page that is still parsing waiting for up to
 * five gaps between its long tasks), and the browser may run them in any order: a part whose
 * `needs` have not all run yet waits in the shared queue, and each part that runs also runs the
 * waiting ones it completes. Exports are registered under the file name once the code ran
 * without an error; `require` reads them. A part already registered or waiting is not queued again
 * (a retried load injects every file), and one that throws leaves the others running before its error is
 * rethrown. The queue is keyed by `build` (one per set of parts): after an extension update the
 * isolated world may still hold the old version's parts. The global is read only as the world's
 * own property: an element the page names `id="webhookDoctorExtrasParts"` is no queue of ours.
 */
export function wrapExtrasPart(fileName: string, code: string, needs: readonly string[], build: string): string {
  const name = JSON.stringify(EXTRAS_PARTS_GLOBAL);
  const buildKey = JSON.stringify(build);
  const file = JSON.stringify(fileName);
  const shared = `(Object.hasOwn(globalThis,${name})?globalThis[${name}]:(globalThis[${name}]={}))`;
  const requirePart =
    `function(file){var part=ready[file.replace(/^\\.\\//,"")];` +
    `if(!part)throw new Error("content extras: "+file+" is not loaded");return part}`;
  return (
    `(function(){"use strict";var builds=${shared},parts=Object.hasOwn(builds,${buildKey})?builds[${buildKey}]:` +
    `(builds[${buildKey}]={ready:{},waiting:[]}),ready=parts.ready,failed=null;\n` +
    `if(Object.hasOwn(ready,${file})||parts.waiting.some(function(part){return part.file===${file}}))return;\n` +
    `parts.waiting.push({file:${file},needs:${JSON.stringify(needs.map(requiredFile))},` +
    `run:function(require,module,exports){${code}\n}});\n` +
    `var runnable=function(part){return part.needs.every(function(file){return Object.hasOwn(ready,file)})};\n` +
    `for(var at=parts.waiting.findIndex(runnable);at>=0;at=parts.waiting.findIndex(runnable)){\n` +
    `var part=parts.waiting.splice(at,1)[0],module={exports:{}};\n` +
    `try{part.run(${requirePart},module,module.exports);ready[part.file]=module.exports;}catch(error){failed??=error;}}\n` +
    `if(failed)throw failed;})();\n`
  );
}

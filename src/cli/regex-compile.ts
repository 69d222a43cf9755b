// Imported first by main.ts, so that it runs before any engine module: V8 runs a regex's first
// search in its bytecode interpreter and compiles it to machine code only for the next one. On
// 64 KB chunks of a log that first search crawls through a whole chunk for each of the engine's
// full-text regexes: the first chunk of the bench log cost 115-145 ms of CPU against 8 ms for a
// later one, 77-83 ms with every regex compiled on its first use. Every thread asks for that,
// the main thread too: judging a 300 KB log alone it took 420-500 ms of CPU instead of 570-620,
// and a 3 KB log cost the same either way (within the noise of 280-430 ms). V8 reads the setting
// when a regex is created, which is why this must run before the engine's modules create theirs.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--regexp-tier-up-ticks=0');

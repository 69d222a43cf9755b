// Imported first by main.ts, so that it runs before any engine module: V8 runs a regex's first
// search in its bytecode interpreter and compiles it to machine code only for the next one. On
// 64 KB chunks of a log that first search crawls through a whole chunk for each of the engine's
// full-text regexes: the first chunk of the bench log cost 115-145 ms of CPU against 8 ms for a
// later one, 77-83 ms with every regex compiled on its first use. An engine worker only ever
// judges a big log's chunks, so it asks for that. V8 reads the setting when a regex is created,
// which is why this must run before the engine's modules create theirs; the main thread, whose
// regexes already exist, keeps V8's default, which suits the small logs it judges alone.
import { setFlagsFromString } from 'node:v8';
import { isEngineWorker } from './engine-pool';

if (isEngineWorker()) setFlagsFromString('--regexp-tier-up-ticks=0');

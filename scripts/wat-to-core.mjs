// Turns a core-module WAT file into a core module binary with the pinned jco's own wasm-tools
// build (deterministic: the same WAT gives the same bytes).
//
// Usage: node scripts/wat-to-core.mjs WAT_FILE OUT_FILE
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';

const require = createRequire(import.meta.url);
const transpileRoot = dirname(dirname(require.resolve('@bytecodealliance/jco-transpile')));
const tools = await import(resolve(transpileRoot, 'dist/wasm-tools.js'));

const args = process.argv.slice(2);
if (args.length !== 2) {
  console.error('usage: wat-to-core.mjs WAT_FILE OUT_FILE');
  process.exit(2);
}
await writeFile(args[1], await tools.parse(await readFile(args[0], 'utf8')));

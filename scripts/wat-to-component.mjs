// Turns a core-module WAT file into a component: parse the WAT, embed the WIT world it
// targets (componentEmbed), then wrap it (componentNew), using the pinned jco's own
// wasm-tools build. jco 1.35.0's CLI cannot read WIT paths (its bundled wasm-tools runs
// under preview2-shim without preopens), so this script grants the shim the root
// directory first (_setPreopens) and calls the library functions directly.
//
// Usage: node scripts/wat-to-component.mjs WAT_FILE WIT_DIR WORLD OUT_FILE
//        node scripts/wat-to-component.mjs --dummy WIT_DIR WORLD OUT_WAT   (signature probe)
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const transpileMain = require.resolve('@bytecodealliance/jco-transpile');
const transpileRoot = dirname(dirname(transpileMain));
// The shim instance jco-transpile's vendored wasm-tools was linked against (resolved from there).
const shimFs = await import(pathToFileURL(
  createRequire(transpileMain).resolve('@bytecodealliance/preview2-shim/filesystem')).href);
shimFs._setPreopens({ '/': '/' });
const tools = await import(resolve(transpileRoot, 'dist/wasm-tools.js'));

const args = process.argv.slice(2);
if (args[0] === '--dummy') {
  const [, witDir, world, out] = args;
  const core = await tools.componentEmbed({ dummy: true, witPath: resolve(witDir), world });
  await writeFile(out, await tools.print(core));
} else {
  if (args.length !== 4) {
    console.error('usage: wat-to-component.mjs WAT_FILE WIT_DIR WORLD OUT_FILE');
    process.exit(2);
  }
  const [watFile, witDir, world, out] = args;
  const core = await tools.parse(await readFile(watFile, 'utf8'));
  const embedded = await tools.componentEmbed({
    binary: core, witPath: resolve(witDir), world, stringEncoding: 'utf8' });
  const component = await tools.componentNew(embedded);
  await writeFile(out, component);
}

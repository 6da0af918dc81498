// Reads each file named on the command line with Mermaid's own parser (mermaid.parse, under jsdom since Mermaid
// expects a browser) and prints "ok <file>" or "error <file>: <message>"; exit 1 if any failed.
// Usage: NODE_PATH=<folder with mermaid and jsdom installed>/node_modules node check.mjs a.mmd b.mmd
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.MERMAID_HOME ?? process.cwd(), 'noop.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMPurify = undefined;
const mermaid = (await import(require.resolve('mermaid'))).default;
mermaid.initialize({ startOnLoad: false });

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file}`);
  } catch (error) {
    failed++;
    console.log(`error ${file}: ${String(error?.message ?? error).split('\n').join(' ')}`);
  }
}
process.exit(failed ? 1 : 0);

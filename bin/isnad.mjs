#!/usr/bin/env node
// Entry point for `npx isnad` and `npm start`. Runs the compiled CLI from dist/ when it is at
// least as new as every source file (`npm ci` builds it), else the TypeScript sources through
// tsx, so a fresh clone or an edited tree always runs what its sources say.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

// `isnad … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let main;
if (process.env.ISNAD_FROM_SOURCE !== '1' && existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(join(root, 'src'))) {
  main = pathToFileURL(compiled).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href;
}
const { run } = await import(main);
process.exitCode = await run(process.argv);

#!/usr/bin/env node
// Entry point for `npx isnad` and `npm start`: runs the TypeScript sources through tsx, so a
// fresh clone needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const main = new URL('../src/cli/main.ts', import.meta.url);
const { run } = await import(fileURLToPath(main));
process.exitCode = await run(process.argv);

/**
 * `npm run bench`: the store benchmark (`bench/store.bench.ts`), then every other benchmark
 * that exists (`names`, `extract`, `web`), each as its own `node --import tsx` child process so
 * one's memory and JIT state do not colour another's; their tables are printed as they come.
 * Arguments after `--` go to the store benchmark (e.g. `npm run bench -- --sizes small`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const benches = ['store.bench.ts', 'names.bench.ts', 'extract.bench.ts', 'web.bench.ts'];
let failed = 0;
for (const b of benches) {
  const file = join(HERE, b);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n# ${b}\n`);
  const args = b === 'store.bench.ts' ? process.argv.slice(2) : [];
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', file, ...args], { stdio: 'inherit', cwd: join(HERE, '..') });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`\n${b} exited with ${r.status ?? r.signal}\n`);
  }
}
process.exit(failed ? 1 : 0);

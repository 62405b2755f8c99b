/**
 * `npm run eval`: the evaluations against texts outside the project's own tests —
 * extraction against ../shared/eval gold files, and name matching against data/names-eval.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const extra = process.argv.slice(2);
let failed = false;
for (const script of ['eval-extract.ts', 'eval-names.ts']) {
  const file = join(here, script);
  if (!existsSync(file)) {
    console.log(`(${script} not present)`);
    continue;
  }
  console.log(`\n== ${script} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...extra], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;

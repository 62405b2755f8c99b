// Builds the web app once when its build is missing (a fresh clone), so `npm start` serves the UI.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'web', 'dist', 'index.html')) && existsSync(join(root, 'web', 'vite.config.ts'))) {
  process.stderr.write('isnad: building the web app (first start only) …\n');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'web', 'vite.config.ts'), join(root, 'web')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    process.stderr.write('isnad: the web app did not build; the CLI and the API still work.\n');
  }
}

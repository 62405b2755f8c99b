/**
 * Makes a store file of a generated knowledge base for the probes in this folder (the benchmark
 * deletes its own): `node --max-old-space-size=16384 --import tsx bench/probes/make-store.ts [small|default] [file]`
 * (default size `default`, 1M claims; default file `bench/tmp/prof.sqlite`).
 */
import { rmSync } from 'node:fs';
import { generateKb, type SizeName } from '../generate/kb.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { FastSqliteRepository } from '../../src/store/sqlite/fast-repository.js';
import type { Dataset } from '../../src/core/model.js';

const size = (process.argv[2] ?? 'default') as SizeName;
const file = process.argv[3] ?? 'bench/tmp/prof.sqlite';
const kb = generateKb(size, 20161101);
const chunks: Dataset[] = [kb.base];
let claims = 0;
for (const c of kb.claimChunks(50_000)) {
  chunks.push(c);
  claims += c.claims.length;
}
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const repo = await openSqliteStore({ file });
if (!(repo instanceof FastSqliteRepository)) throw new Error('expected the SQLite store');
const t = performance.now();
await repo.importMany(chunks, { actor: 'probe', claims });
repo.raw.pragma('wal_checkpoint(TRUNCATE)');
await repo.close();
console.log(`${claims.toLocaleString('en-US')} claims into ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

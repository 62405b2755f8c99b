/**
 * `migrateStore`: SQLite → PostgreSQL (when available) and SQLite → SQLite, with the audit
 * history and versions carried across and the copy verified by counts and checksum.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IsnadError } from '../../src/core/errors.js';
import { writeDataset } from '../../src/interop/native/write-dataset.js';
import type { KyselyRepository } from '../../src/store/kysely-repository.js';
import { fingerprint, migrateStore } from '../../src/store/migrate-store.js';
import { testEngines } from './engines.js';
import { loadMini } from './repository.suite.js';

const { engines, teardown } = await testEngines();
afterAll(teardown);
const sqlite = engines.find((e) => e.name === 'sqlite')!;

async function populated(): Promise<KyselyRepository> {
  const repo = await sqlite.open();
  await repo.importDataset(loadMini(), { actor: 'fixture' });
  await repo.setClaimStatus('candidate-one', 'accepted', { actor: 'ann' });
  const edit = await repo.updateClaim({ ...(await repo.getClaim('vb-founded'))!, note: 'checked' }, { actor: 'bob' });
  await repo.revertChange((await repo.history('claim', edit.id)).at(-1)!.id, { actor: 'carl' });
  await repo.recordResolution({ kind: 'split', subject: 'abu-salim-al-jabali', object: 'karim-haddad' }, { actor: 'ann' });
  return repo;
}

for (const target of engines) {
  const suite = target.skip ? describe.skip : describe;
  suite(`migrateStore sqlite → ${target.name}${target.skip ? ` (skipped: ${target.skip})` : ''}`, () => {
    it('copies records, versions and history, and verifies counts and checksum', async () => {
      const from = await populated();
      const to = await target.open();
      const report = await migrateStore(from, to);
      console.log(
        [
          `sqlite → ${target.name}: ${JSON.stringify(report.to.counts)}`,
          `  from ${report.from.checksum} (${report.from.changes} history entries)`,
          `  to   ${report.to.checksum} (${report.to.changes} history entries)`,
        ].join('\n'),
      );
      expect(report.to.checksum).toBe(report.from.checksum);
      expect(report.to.counts).toEqual(report.from.counts);
      expect(report.changesCopied).toBe(report.from.changes);
      expect(writeDataset(await to.exportDataset(), 'yaml')).toBe(writeDataset(await from.exportDataset(), 'yaml'));
      expect((await to.getClaim('candidate-one'))?.version).toBe(2);
      expect((await to.getClaim('vb-founded'))?.version).toBe(3);
      const hist = await to.history('claim', 'vb-founded');
      expect(hist.map((h) => [h.action, h.actor])).toEqual([
        ['edit', 'bob'],
        ['revert', 'carl'],
      ]);
      expect(hist[1]!.reverts).toBe(hist[0]!.id);
      expect(hist[0]!.at).toBe((await from.history('claim', 'vb-founded'))[0]!.at);
      // The copied history still works: a stale writer is refused, and changes revert.
      const stale = await to.updateClaim({ ...(await to.getClaim('vb-founded'))!, version: 1, note: 'x' }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(IsnadError);
      const [split] = await to.history('claim', 'resolution-distinct_from-abu-salim-al-jabali-karim-haddad');
      await to.revertChange(split!.id, { actor: 'dana' });
      expect(await to.getClaim('resolution-distinct_from-abu-salim-al-jabali-karim-haddad')).toBeUndefined();
    });

    it('refuses a non-empty target and leaves it untouched', async () => {
      const from = await populated();
      const to = await target.open();
      await to.importDataset({ ...loadMini(), claims: [], perspectives: [] });
      const before = await fingerprint(to);
      await expect(migrateStore(from, to)).rejects.toThrow(/not empty/);
      expect(await fingerprint(to)).toEqual(before);
    });
  });
}

const postgres = engines.find((e) => e.name === 'postgres')!;
describe.skipIf(postgres.skip !== undefined)('migrateStore postgres → sqlite', () => {
  it('moves a PostgreSQL store back into a new SQLite file, verified', async () => {
    const source = await populated();
    const pgStore = await postgres.open();
    await migrateStore(source, pgStore);
    const back = await sqlite.open();
    const report = await migrateStore(pgStore, back);
    expect(report.from.engine).toBe('postgres');
    expect(report.to.checksum).toBe(report.from.checksum);
    expect(report.to.checksum).toBe((await fingerprint(source)).checksum);
    expect((await back.history('claim', 'vb-founded')).map((h) => h.action)).toEqual(['edit', 'revert']);
  });
});

describe('isnad migrate (CLI)', () => {
  for (const target of engines) {
    it.skipIf(target.skip !== undefined)(`moves test/fixtures/mini.yaml from a SQLite file to ${target.name} and prints both checksums`, async () => {
      const { run } = await import('../../src/cli/main.js');
      const from = await sqlite.open();
      await from.importDataset(loadMini(), { actor: 'fixture' });
      const fromFile = sqlite.lastLocation()!;
      const expected = await fingerprint(from);
      await from.close();
      const to = await target.open();
      const toLocation = target.lastLocation()!;
      await to.close();
      const out: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      });
      let code: number;
      try {
        code = await run(['node', 'isnad', 'migrate', '--from', fromFile, '--to', toLocation]);
      } finally {
        spy.mockRestore();
      }
      const text = out.join('');
      console.log(text.replace(/:\/\/[^@/]*@/, '://…@'));
      expect(code).toBe(0);
      expect(text).toContain(`source checksum ${expected.checksum}`);
      expect(text).toContain(`target checksum ${expected.checksum}`);
      expect(text).toContain('counts and checksums match');
    });
  }
});

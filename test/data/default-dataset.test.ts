/**
 * The bundled dataset is part of the product: it must load, keep its promises (every accepted
 * claim cites a quote, the three "al-Baghdadi"s stay apart), and answer the questions the
 * README advertises.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/core/model.js';
import { readDataset } from '../../src/interop/native/read-dataset.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.js';
import { KnowledgeBase } from '../../src/app/knowledge-base.js';
import { matchNames } from '../../src/names/index.js';
import { ROOT } from '../support/cli.js';

const FILE = join(ROOT, 'data', 'islamic-state-al-qaeda.yaml');
let ds: Dataset;
let kb: KnowledgeBase;

beforeAll(async () => {
  ds = readDataset(readFileSync(FILE, 'utf8'), { file: FILE });
  const repo = await openSqliteStore({ file: ':memory:' });
  await repo.importDataset(ds);
  kb = new KnowledgeBase(repo);
});

describe('data/islamic-state-al-qaeda.yaml', () => {
  it('loads without a single validation issue and is substantial', () => {
    expect(ds.entities.length).toBeGreaterThan(50);
    expect(ds.claims.length).toBeGreaterThan(150);
    expect(ds.disputes.length).toBeGreaterThan(3);
  });

  it('every accepted claim has a short verbatim quote from a known source', () => {
    const sources = new Set(ds.sources.map((s) => s.id));
    for (const c of ds.claims.filter((x) => x.status === 'accepted')) {
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      for (const e of c.evidence) {
        expect(sources.has(e.source), c.id).toBe(true);
        expect(e.quote.trim().length, c.id).toBeGreaterThan(0);
        expect(e.quote.split(/\s+/).length, `${c.id}: evidence quotes stay short`).toBeLessThanOrEqual(60);
      }
    }
  });

  it('keeps men who share "al-Baghdadi" as separate entities that the matcher does not merge', () => {
    const withNisba = ds.entities.filter((e) => e.type === 'person' && e.names.some((n) => /al-Baghdadi$/.test(n.name) && n.name.split(' ').length > 1));
    expect(withNisba.length).toBeGreaterThanOrEqual(3);
    const full = withNisba.map((e) => e.names.find((n) => /al-Baghdadi$/.test(n.name) && n.name.split(' ').length > 1)!.name);
    for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) expect(matchNames(full[i]!, full[j]!).decision, `${full[i]} ~ ${full[j]}`).not.toBe('same');
  });

  it('every declared dispute has claims, and most hold two claimants on opposite stances', () => {
    const claimant = (c: Dataset['claims'][number]) => c.attribution[c.attribution.length - 1]?.entity;
    let twoSided = 0;
    for (const d of ds.disputes) {
      const claims = ds.claims.filter((c) => c.dispute === d.id);
      expect(claims.length, d.id).toBeGreaterThan(0);
      if (new Set(claims.map((c) => c.stance)).size === 2 && new Set(claims.map(claimant)).size >= 2) twoSided++;
    }
    expect(twoSided).toBeGreaterThan(ds.disputes.length / 2);
  });

  it('answers: who led ISI as of June 2008, with a source', async () => {
    const v = await kb.asOf('ISI', '2008-06');
    const leaders = v.leaders.filter((l) => l.modality === 'certain');
    expect(leaders.length).toBe(1);
    expect((await kb.entity(leaders[0]!.entity))?.names.map((n) => n.name)).toContain('Abu Umar al-Baghdadi');
    expect(leaders[0]!.claims[0]!.claim.evidence[0]!.quote.length).toBeGreaterThan(0);
  });

  it('answers: what AQM had become by 2007', async () => {
    const v = await kb.asOf('AQM', '2007');
    expect(v.forms.map((f) => kb.lookup(f.entity)?.canonical)).toContain('Islamic State of Iraq');
  });

  it('answers: the lineage from Jund al-Sham reaches the Islamic State', async () => {
    const l = await kb.lineage('Jund al-Sham');
    const names = l.nodes.map((n) => kb.lookup(n)?.canonical);
    expect(names).toEqual(expect.arrayContaining(['Jund al-Sham', 'Islamic State of Iraq', 'Islamic State']));
  });

  it('answers: the dispute over whether ISI stayed al-Qaeda’s branch has both sides', async () => {
    const ds2 = await kb.disputes('ISI');
    const branch = ds2.find((d) => d.sides.some((s) => s.claims.some((c) => c.predicate === 'branch_of' && c.subject === 'isi')));
    expect(branch?.sides.map((s) => s.stance).sort()).toEqual(['asserts', 'denies']);
  });

  it('finds Usama bin Ladin under a Western spelling', async () => {
    const [hit] = await kb.search('Osama bin Laden', 5);
    expect(hit?.entity.canonical).toBe('Usama bin Ladin');
  });
});

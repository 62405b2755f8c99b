import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isnad, tempDir } from '../support/cli.js';
import { FIXTURES, MINI } from '../support/fixtures.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const REPORT = join(FIXTURES, 'ingest', 'river-report.md');
const HOSTILE = join(FIXTURES, 'ingest', 'hostile.html');
let dir: string;
let db: string;
const q = (...args: string[]) => isnad(['--db', db, ...args]);
const counts = async () => JSON.parse((await (q('--json', 'start', '--no-serve'))).stdout).counts;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'kb.sqlite');
  expect((await isnad(['--db', db, 'import', MINI])).code).toBe(0);
});

describe('isnad ingest and review', () => {
  it('ingests a document as candidate claims with evidence spans, linked to known entities, once', async () => {
    const r = JSON.parse((await q('--json', 'ingest', REPORT, '--source-title', 'River report', '--source-date', '2008')).stdout);
    expect(r[0].status).toBe('ingested');
    const again = JSON.parse((await q('--json', 'ingest', REPORT)).stdout);
    expect(again[0]).toMatchObject({ status: 'unchanged', source: r[0].source });
    const queue = JSON.parse((await q('--json', 'review')).stdout);
    const fromReport = queue.items.filter((c: { evidence: { source: string }[] }) => c.evidence[0]!.source === r[0].source);
    expect(fromReport.length).toBeGreaterThan(0);
    for (const c of fromReport) {
      expect(c.status).toBe('candidate');
      expect(typeof c.evidence[0].start).toBe('number');
    }
    expect(fromReport.some((c: { subject: { id: string } }) => c.subject.id === 'tariq-mansour')).toBe(true);
  });

  it('strips hostile HTML without keeping script text, and stores the visible text', async () => {
    const r = JSON.parse((await q('--json', 'ingest', HOSTILE)).stdout);
    expect(r[0].status).toBe('ingested');
    const exported = (await q('export', '--format', 'json')).stdout;
    const source = JSON.parse(exported).sources.find((s: { id: string }) => s.id === r[0].source);
    expect(source.text).toContain('Omar Said led the Mountain Network');
    expect(source.text).not.toContain('__pwned');
    expect(source.text).not.toContain('<');
  });

  it('rejects empty, binary and non-UTF-8 files with a clear error and leaves the store unchanged', async () => {
    const before = (await counts());
    const files = { 'empty.txt': Buffer.alloc(0), 'binary.bin': Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]), 'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]) };
    for (const [name, bytes] of Object.entries(files)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const r = (await q('ingest', file));
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toMatch(new RegExp(`${name}: not ingested: .+`));
    }
    expect((await counts())).toEqual(before);
  });

  it('review: accept makes a candidate count in views; reject keeps it out; edit is checked', async () => {
    const queue = JSON.parse((await q('--json', 'review')).stdout).items as Array<{ id: string; predicate: string; subject: { id: string } }>;
    const attack = queue.find((c) => c.predicate === 'attacked');
    expect(attack).toBeDefined();
    expect((await q('review', 'accept', attack!.id, '--by', 'tester')).code).toBe(0);
    expect(JSON.parse((await q('--json', 'show', 'river-emirate')).stdout).events.map((c: { id: string }) => c.id)).toContain(attack!.id);
    const other = queue.find((c) => c.id !== attack!.id)!;
    expect((await q('review', 'reject', other.id)).code).toBe(0);
    expect(JSON.parse((await q('--json', 'review')).stdout).items.map((c: { id: string }) => c.id)).not.toContain(other.id);
    const bad = (await q('review', 'edit', attack!.id, '--time', 'late 2004'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/EDTF/);
    expect((await q('review', 'edit', attack!.id, '--time', '2004-05-12', '--confidence', '0.8')).code).toBe(0);
    expect((await q('review', 'accept', 'no-such-claim')).code).toBe(1);
  });

  it('review merge-entity moves names and claims and records the decision', async () => {
    const file = join(dir, 'dup.yaml');
    writeFileSync(file, 'format: isnad/1\nentities:\n  - { id: tariq-2, type: person, canonical: T. Mansour, names: [{ name: T. Mansour, kind: alias }] }\nclaims:\n  - { id: t2-member, subject: tariq-2, predicate: member_of, object: valley-front, status: candidate, attribution: [{ entity: lina-farouk }] }\n');
    expect((await q('import', file)).code).toBe(0);
    const r = JSON.parse((await q('--json', 'review', 'merge-entity', 'tariq-mansour', 'tariq-2')).stdout);
    expect(r.claimsMoved).toBe(1);
    const profile = JSON.parse((await q('--json', 'show', 'tariq-mansour')).stdout);
    expect(profile.names.map((n: { name: string }) => n.name)).toContain('T. Mansour');
    const exported = JSON.parse((await q('export', '--format', 'json')).stdout);
    expect(exported.claims.find((c: { id: string }) => c.id === 't2-member').subject).toBe('tariq-mansour');
    expect(exported.claims.some((c: { predicate: string; subject: string; object: string }) => c.predicate === 'same_as' && c.subject === 'tariq-mansour' && c.object === 'tariq-2')).toBe(true);
  });
});

describe('isnad import --source-text', () => {
  it('locates every evidence quote in the attached text, and refuses a text that lacks one', async () => {
    const db2 = join(dir, 'texts.sqlite');
    const ok = await isnad(['--db', db2, 'import', '--source-text', `farouk-2020=${join(FIXTURES, 'farouk-2020.txt')}`, MINI]);
    expect(ok.code).toBe(0);
    const claims = JSON.parse((await isnad(['--db', db2, 'export', '--format', 'json'])).stdout).claims as Array<{ evidence: Array<{ source: string; locator?: { start: number; end: number } }> }>;
    const located = claims.flatMap((c) => c.evidence).filter((e) => e.source === 'farouk-2020');
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((e) => e.locator && e.locator.end > e.locator.start)).toBe(true);
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'A different text that quotes none of the claims.');
    const bad = await isnad(['--db', join(dir, 'texts2.sqlite'), 'import', '--source-text', `farouk-2020=${wrong}`, MINI]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/quote does not occur verbatim/);
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isnad, tempDir } from '../support/cli.js';
import { MINI } from '../support/fixtures.js';
import { buildProgram } from '../../src/cli/main.js';

// Each test spawns the real binary a few times; a loaded machine needs room.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir: string;
let db: string;
const q = (...args: string[]) => isnad(['--db', db, ...args]);

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'kb.sqlite');
  const r = (await isnad(['--db', db, 'import', MINI]));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('isnad CLI', () => {
  it('imports and reports counts', async () => {
    const r = (await isnad(['--db', join(dir, 'other.sqlite'), '--json', 'import', MINI]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).imported[0]).toMatchObject({ entities: 12, claims: 20, sources: 2, disputes: 1 });
  });

  it('show: every name with its kind and sources, roles and events', async () => {
    const r = (await q('show', 'Abu Salim al-Nahri'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Karim Haddad');
    expect(r.stdout).toMatch(/Abu Salim al-Nahri\s+kunya\s+farouk-2020/);
    expect(r.stdout).toContain('Roles:');
    expect(r.stdout).toContain('killed');
    const j = JSON.parse((await q('--json', 'show', 'karim-haddad')).stdout);
    expect(j.names.map((n: { kind: string }) => n.kind)).toEqual(['real_name', 'kunya', 'nisba']);
  });

  it('asof: name, leader and allegiance on a date, certain vs possible, with sources and conflicts', async () => {
    const r = (await q('asof', '2005', 'Valley Brotherhood'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/River Emirate — certainly/);
    expect(r.stdout).toMatch(/Tariq Mansour — certainly/);
    expect(r.stdout).toMatch(/Mountain Network — contested: asserted by Lina Farouk, Mountain Network; denied by River Emirate/);
    expect(r.stdout).toContain('Conflicting accounts');
    expect(r.stdout).toContain('“the Emirate says it was independent”');
    const j = JSON.parse((await q('--json', 'asof', '1998', 'VF')).stdout);
    expect(j.leaders.map((l: { modality: string }) => l.modality)).toEqual(['possible', 'possible']);
  });

  it('asof --according-to reads one side only', async () => {
    const j = JSON.parse((await q('--json', 'asof', '2005', 'RE', '--according-to', 'emirate')).stdout);
    expect(j.allegiance).toEqual([]);
    const n = JSON.parse((await q('--json', 'asof', '2005', 'RE', '--according-to', 'Mountain Network')).stdout);
    expect(n.allegiance[0].entity.id).toBe('mountain-network');
  });

  it('timeline: chronological with uncertainty visible and a citation per line', async () => {
    const r = (await q('timeline', '--entity', 'Valley Front'));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^\S/.test(l));
    expect(lines[0]).toMatch(/^c\. 1995\s+Valley Brotherhood renamed to Valley Front/);
    expect(r.stdout).toContain('“around 1995 it took the name Valley Front”');
  });

  it('lineage: a text tree, DOT and Mermaid', async () => {
    const t = (await q('lineage', 'River Emirate'));
    expect(t.stdout).toMatch(/Valley Brotherhood\n└── renamed c\. 1995 → Valley Front/);
    expect((await q('lineage', 'River Emirate', '--format', 'dot')).stdout).toMatch(/^digraph lineage/);
    expect((await q('lineage', 'River Emirate', '--format', 'mermaid')).stdout).toMatch(/^flowchart LR/);
  });

  it('disputes: each side with claimant, chain, date and quote', async () => {
    const r = (await q('disputes', 'River Emirate'));
    expect(r.stdout).toContain('Did the River Emirate remain a branch');
    expect(r.stdout).toMatch(/chain: Mountain Network \(statement, 2009-02\) ← Lina Farouk/);
    expect(r.stdout).toMatch(/Denying:\n    River Emirate:/);
  });

  it('search: case- and diacritic-insensitive, exit 1 when nothing matches', async () => {
    const r = (await q('--json', 'search', 'ABŪ SALIM AL-NAHRI'));
    expect(JSON.parse(r.stdout)[0].id).toBe('karim-haddad');
    expect((await q('search', 'zzzz-nobody')).code).toBe(1);
  });

  it('export → import → export is byte-identical', async () => {
    const first = (await q('export', '--format', 'yaml')).stdout;
    const file = join(dir, 'round.yaml');
    writeFileSync(file, first);
    const db2 = join(dir, 'round.sqlite');
    expect((await isnad(['--db', db2, 'import', file])).code).toBe(0);
    expect((await isnad(['--db', db2, 'export', '--format', 'yaml'])).stdout).toBe(first);
    const json = (await q('export', '--format', 'json', '--out', join(dir, 'kb.json')));
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'kb.json'), 'utf8')).format).toBe('isnad/1');
  });

  it('has --help on every command', async () => {
    const { program } = await buildProgram();
    expect(program.commands.length).toBeGreaterThanOrEqual(9);
    for (const cmd of program.commands) {
      expect(cmd.description(), cmd.name()).not.toBe('');
      expect(cmd.helpInformation(), cmd.name()).toMatch(/^Usage: isnad /);
    }
    const r = (await isnad(['asof', '--help']));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: isnad asof \[options\] <date> <name>/);
  });

  it('exits 1 for an unknown entity and 2 for an ambiguous name or bad date', async () => {
    expect((await q('show', 'Nobody Known')).code).toBe(1);
    const amb = (await q('show', 'Abu Salim'));
    expect([1, 2]).toContain(amb.code);
    const bad = (await q('asof', 'late 2006', 'RE'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a valid EDTF');
  });
});

describe('bad input leaves the store unchanged', () => {
  const cases: Record<string, string> = {
    'unknown predicate': 'claims:\n  - { id: x1, subject: karim-haddad, predicate: commanded, object: valley-front, evidence: "q" }\n',
    'malformed EDTF': 'claims:\n  - { id: x1, subject: karim-haddad, predicate: leader_of, object: valley-front, time: "spring 99", evidence: "q" }\n',
    'dangling reference': 'claims:\n  - { id: x1, subject: karim-haddad, predicate: leader_of, object: no-such-group, evidence: "q" }\n',
    'duplicate ids': 'claims:\n  - { id: x1, subject: karim-haddad, predicate: leader_of, object: valley-front, evidence: "q" }\n  - { id: x1, subject: karim-haddad, predicate: member_of, object: valley-front, evidence: "q" }\n',
    'accepted claim without evidence': 'claims:\n  - { id: x1, subject: karim-haddad, predicate: leader_of, object: valley-front, status: accepted }\n',
  };
  const head = 'format: isnad/1\ndefaults: { source: farouk-2020, status: accepted }\n';

  for (const [name, body] of Object.entries(cases)) {
    it(`${name}: exit 2, file:line:field named, nothing written`, async () => {
      const before = (await q('export', '--format', 'json')).stdout;
      const file = join(dir, `bad-${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, head + body);
      const r = (await q('import', file));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: claims\\[\\d\\]`));
      expect((await q('export', '--format', 'json')).stdout).toBe(before);
    });
  }

  it('a file that is not YAML: exit 2 with its line, nothing written', async () => {
    const before = (await q('export', '--format', 'json')).stdout;
    const file = join(dir, 'not-yaml.yaml');
    writeFileSync(file, 'format: isnad/1\nclaims: [ { id: x\n');
    const r = (await q('import', file));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-yaml\.yaml:\d+/);
    expect((await q('export', '--format', 'json')).stdout).toBe(before);
  });

  it('a missing file: exit 1; a second bad file stops the whole import before anything is written', async () => {
    expect((await q('import', join(dir, 'nope.yaml'))).code).toBe(1);
    const good = join(dir, 'good.yaml');
    writeFileSync(good, head + 'claims:\n  - { id: ok1, subject: karim-haddad, predicate: member_of, object: valley-front, evidence: "q" }\n');
    const bad = join(dir, 'bad-second.yaml');
    writeFileSync(bad, head + 'claims:\n  - { id: ok2, subject: karim-haddad, predicate: nope, object: valley-front, evidence: "q" }\n');
    const before = (await q('export', '--format', 'json')).stdout;
    expect((await q('import', good, bad)).code).toBe(2);
    expect((await q('export', '--format', 'json')).stdout).toBe(before);
  });
});

describe('names on the command line', () => {
  it('match: same for transliteration variants, different for two men who share a nisba', async () => {
    const same = JSON.parse((await isnad(['--json', 'match', 'Usama bin Ladin', 'Osama bin Laden'])).stdout);
    expect(same).toMatchObject({ decision: 'same' });
    expect(same.reasons.length).toBeGreaterThan(0);
    const diff = JSON.parse((await isnad(['--json', 'match', 'Abu Umar al-Baghdadi', 'Abu Bakr al-Baghdadi'])).stdout);
    expect(diff.decision).toBe('different');
    expect(diff.score).toBeLessThan(0.5);
  });

  it('resolve: proposes a merge for a re-typed record, records the reviewed decision as a claim', async () => {
    const file = join(dir, 'dup.yaml');
    writeFileSync(file, 'format: isnad/1\nentities:\n  - { id: omar-said-2, type: person, canonical: Omar Saeed, names: [{ name: Omar Saeed, kind: real_name }, { name: Omar Said, kind: transliteration }] }\n');
    const db3 = join(dir, 'resolve.sqlite');
    expect((await isnad(['--db', db3, 'import', MINI, file])).code).toBe(0);
    const candidates = JSON.parse((await isnad(['--db', db3, '--json', 'resolve'])).stdout);
    expect(candidates.map((c: { a: string; b: string }) => [c.a, c.b].sort().join('='))).toContain('omar-said=omar-said-2');
    expect(candidates.every((c: { a: string; b: string }) => ![c.a, c.b].includes('abu-salim-al-jabali'))).toBe(true);
    const applied = (await isnad(['--db', db3, 'resolve', '--apply', 'omar-said=omar-said-2', '--by', 'tester', '--note', 'same man']));
    expect(applied.code).toBe(0);
    expect(JSON.parse((await isnad(['--db', db3, '--json', 'resolve'])).stdout)).toEqual([]);
    const history = JSON.parse((await isnad(['--db', db3, '--json', 'history'])).stdout) as Array<{ id: number; action: string; actor: string }>;
    const merge = history.find((h) => h.action === 'merge');
    expect(merge?.actor).toBe('tester');
    expect((await isnad(['--db', db3, 'revert', String(merge!.id)])).code).toBe(0);
    const again = JSON.parse((await isnad(['--db', db3, '--json', 'resolve'])).stdout);
    expect(again.map((c: { a: string; b: string }) => [c.a, c.b].sort().join('='))).toContain('omar-said=omar-said-2');
  });
});

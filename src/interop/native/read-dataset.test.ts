import { describe, expect, it } from 'vitest';
import { ValidationError, type Issue } from '../../core/errors.js';
import { readDataset } from './read-dataset.js';
import { writeDataset } from './write-dataset.js';
import { loadMini } from '../../../test/support/fixtures.js';

const HEAD = `format: isnad/1
defaults: { source: s1, status: accepted, recordedBy: t, recordedAt: "2020-01-01T00:00:00Z" }
sources:
  - { id: s1, kind: article, title: T, authorEntity: author, text: "A led B from 2001. C was an ally." }
entities:
  - { id: author, type: person, canonical: Author }
  - { id: a, type: person, canonical: A }
  - { id: b, type: organization, canonical: B }
claims:
`;

function issuesOf(yaml: string): Issue[] {
  try {
    readDataset(yaml, { file: 'bad.yaml', now: '2020-01-01T00:00:00Z' });
  } catch (e) {
    if (e instanceof ValidationError) return [...e.issues];
    throw e;
  }
  return [];
}

describe('readDataset bad input', () => {
  it('accepts a good file and locates quotes in the source text', () => {
    const ds = readDataset(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b, time: "2001/..", evidence: "A led B from 2001" }\n', { file: 'ok.yaml' });
    expect(ds.claims[0]!.evidence[0]!.locator).toEqual({ start: 0, end: 17 });
    expect(ds.claims[0]!.attribution).toEqual([{ entity: 'author' }]);
  });

  it('names file, line and field for an unknown predicate', () => {
    const [issue] = issuesOf(HEAD + '  - { id: c1, subject: a, predicate: commanded, object: b, evidence: "A led B" }\n');
    expect(issue).toMatchObject({ code: 'unknown_predicate', path: 'claims[0].predicate', file: 'bad.yaml', line: 10 });
    expect(issue!.message).toContain('leader_of');
  });

  it('rejects malformed EDTF', () => {
    const [issue] = issuesOf(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b, time: "late 2006", evidence: "A led B" }\n');
    expect(issue).toMatchObject({ code: 'invalid_edtf', path: 'claims[0].time', line: 10 });
  });

  it('rejects a dangling entity reference', () => {
    const [issue] = issuesOf(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: nobody, evidence: "A led B" }\n');
    expect(issue).toMatchObject({ code: 'dangling_reference', path: 'claims[0].object' });
  });

  it('rejects duplicate ids', () => {
    const issues = issuesOf(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b, evidence: "A led B" }\n  - { id: c1, subject: a, predicate: member_of, object: b, evidence: "A led B" }\n');
    expect(issues.map((i) => i.code)).toContain('duplicate_id');
    expect(issues.find((i) => i.code === 'duplicate_id')).toMatchObject({ path: 'claims[1].id', line: 11 });
  });

  it('rejects an accepted claim without evidence', () => {
    const [issue] = issuesOf(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b }\n');
    expect(issue).toMatchObject({ code: 'missing_evidence', path: 'claims[0].evidence' });
  });

  it('allows a candidate claim without evidence', () => {
    expect(issuesOf(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b, status: candidate, attribution: [{ entity: author }] }\n')).toEqual([]);
  });

  it('rejects a quote that is not in the source text', () => {
    const [issue] = issuesOf(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b, evidence: "A commanded B" }\n');
    expect(issue).toMatchObject({ code: 'quote_not_in_source', path: 'claims[0].evidence.quote' });
  });

  it('rejects subject and object types that do not fit the predicate', () => {
    const [issue] = issuesOf(HEAD + '  - { id: c1, subject: b, predicate: leader_of, object: a, evidence: "A led B" }\n');
    expect(issue).toMatchObject({ code: 'type_mismatch', path: 'claims[0].subject' });
  });

  it('rejects a file that is not YAML, with its line', () => {
    const [issue] = issuesOf('format: isnad/1\nentities: [\n  { id: a\n');
    expect(issue).toMatchObject({ code: 'invalid_yaml', file: 'bad.yaml' });
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('rejects unknown fields and wrong shapes with their path', () => {
    const issues = issuesOf(HEAD.replace('canonical: A }', 'canonical: A, nickname: x }'));
    expect(issues[0]).toMatchObject({ code: 'invalid_field', path: 'entities[1]', line: 7 });
  });

  it('rejects unresolved aliases and alias bombs as invalid YAML, not a crash', () => {
    expect(issuesOf('*a\n')[0]).toMatchObject({ code: 'invalid_yaml' });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(issuesOf(bomb)[0]).toMatchObject({ code: 'invalid_yaml' });
  });

  it('reads JSON by the fast path and still names the line and column of each problem, and refuses a repeated key', () => {
    const good = readDataset(HEAD + '  - { id: c1, subject: a, predicate: leader_of, object: b, evidence: "A led B" }\n', { file: 'ok.yaml' });
    const doc = JSON.parse(JSON.stringify({ format: 'isnad/1', ...good })) as { claims: { predicate: string; time?: string }[] };
    doc.claims[0]!.predicate = 'ruled';
    const text = JSON.stringify(doc, null, 2);
    const [issue] = issuesOf(text);
    const line = text.slice(0, text.indexOf('"ruled"')).split('\n').length;
    expect(issue).toMatchObject({ code: 'unknown_predicate', path: 'claims[0].predicate', line, column: text.split('\n')[line - 1]!.indexOf('"ruled"') + 1 });
    // A key given twice in one mapping is refused, not silently the last one.
    const twice = text.replace('"predicate": "ruled"', '"predicate": "leader_of", "predicate": "ruled"');
    expect(issuesOf(twice)[0]).toMatchObject({ code: 'invalid_yaml', message: 'the key "predicate" appears twice in one mapping', line });
  });

  it('rejects a missing format marker', () => {
    expect(issuesOf('entities: []\n')[0]).toMatchObject({ path: 'format' });
  });
});

describe('native round trip', () => {
  it('writes an empty locator as no locator, as the store keeps it (found by the store round-trip property)', () => {
    const ds = loadMini();
    const first = ds.claims[0]!;
    const withEmpty = { ...ds, claims: [{ ...first, evidence: [{ ...first.evidence[0]!, locator: {} }] }, ...ds.claims.slice(1)] };
    const out = writeDataset(withEmpty, 'yaml');
    expect(out).toBe(writeDataset({ ...ds, claims: [{ ...first, evidence: [{ source: first.evidence[0]!.source, quote: first.evidence[0]!.quote }] }, ...ds.claims.slice(1)] }, 'yaml'));
  });

  it('export → import → export is byte-identical, in YAML and JSON', () => {
    for (const format of ['yaml', 'json'] as const) {
      const once = writeDataset(loadMini(), format);
      const twice = writeDataset(readDataset(once, { file: `x.${format}` }), format);
      expect(twice).toBe(once);
    }
  });
});

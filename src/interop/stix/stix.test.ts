import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IsnadError } from '../../core/errors.js';
import { writeDataset } from '../native/write-dataset.js';
import { mini } from '../testing/fixtures.js';
import { toStixBundle, writeStix } from './export.js';
import { readStix } from './import.js';
import { describeErrors, stixValidator } from './schemas.js';

const ctx = { file: 'test.json' };

function expectValid(bundle: unknown) {
  const v = stixValidator();
  expect(describeErrors(v.bundle(bundle))).toEqual([]);
  for (const o of (bundle as { objects: Array<{ type: string; id: string }> }).objects) {
    const errors = v.object(o);
    expect(errors, `${o.type} has a schema`).toBeDefined();
    expect(describeErrors(errors ?? [], `${o.id} `)).toEqual([]);
  }
}

describe('STIX 2.1 export', () => {
  it('validates against the official STIX 2.1 JSON Schemas, object by object', () => {
    const bundle = toStixBundle(mini());
    expectValid(bundle);
    const types = new Set(bundle.objects.map((o) => o.type));
    expect([...types].sort()).toEqual(['extension-definition', 'grouping', 'identity', 'location', 'note', 'relationship', 'report']);
  });

  it('is byte-stable across exports (UUIDv5 ids, fixed timestamps)', () => {
    expect(writeStix(mini())).toBe(writeStix(mini()));
    expect(writeStix(mini())).toMatch(/"id": "bundle--[0-9a-f-]{36}"/);
  });

  it('maps a claim onto a relationship with times, confidence and quoted references', () => {
    const bundle = toStixBundle(mini());
    const rel = bundle.objects.find((o) => o.type === 'relationship' && (o.extensions as Record<string, { record: { id: string } }>)[Object.keys(o.extensions as object)[0]!]!.record.id === 're-branch-author')!;
    expect(rel.relationship_type).toBe('branch-of');
    expect(rel.start_time).toBe('2003-10-01T00:00:00.000Z');
    expect(rel.confidence).toBe(60);
    expect(rel.external_references).toEqual([{ source_name: 'A History of the Valley Movements', description: 'in practice the link lasted only until about 2006', url: 'https://example.org/valley-history', external_id: 'farouk-2020' }]);
    const dispute = bundle.objects.find((o) => o.type === 'note' && String(o.abstract).startsWith('Disputed: Did the River Emirate'))!;
    expect(dispute.content).toContain('Mountain Network says that River Emirate was a branch of Mountain Network');
    expect(dispute.content).toContain('River Emirate denies that');
    expect((dispute.object_refs as string[]).length).toBe(3);
  });

  it('with --entity, exports a self-contained, valid subset', () => {
    const bundle = toStixBundle(mini(), 'river-emirate');
    expectValid(bundle);
    const back = readStix(JSON.stringify(bundle), ctx).dataset;
    expect(back.entities.map((e) => e.id)).toContain('united-river-council');
    expect(back.claims.map((c) => c.id)).not.toContain('omar-leads-mn');
  });
});

describe('STIX 2.1 round trip', () => {
  it('native → STIX → native keeps every entity, name, claim, date and source', () => {
    const ds = mini();
    const { dataset, warnings } = readStix(writeStix(ds), ctx);
    expect(warnings).toEqual([]);
    expect(writeDataset(dataset, 'json')).toBe(writeDataset(ds, 'json'));
  });
});

describe('STIX 2.1 import', () => {
  const foreign = {
    type: 'bundle',
    id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
    objects: [
      { type: 'identity', spec_version: '2.1', id: 'identity--311b2d2d-f010-4473-83ec-1edf84858f4c', created: '2015-12-21T19:59:11.000Z', modified: '2015-12-21T19:59:11.000Z', name: 'Alpha Group', identity_class: 'group' },
      { type: 'threat-actor', spec_version: '2.1', id: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2016-04-06T20:03:48.000Z', modified: '2016-04-06T20:03:48.000Z', name: 'Beta Crew', aliases: ['The Betas'] },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad', created: '2016-04-06T20:06:37.000Z', modified: '2016-04-06T20:06:37.000Z', relationship_type: 'allied-with', source_ref: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', target_ref: 'identity--311b2d2d-f010-4473-83ec-1edf84858f4c', start_time: '2004-01-01T00:00:00Z', stop_time: '2006-12-31T00:00:00Z', external_references: [{ source_name: 'Some report', url: 'https://example.org/r', description: 'the two were allied' }] },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fae', created: '2016-04-06T20:06:37.000Z', modified: '2016-04-06T20:06:37.000Z', relationship_type: 'uses', source_ref: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', target_ref: 'identity--311b2d2d-f010-4473-83ec-1edf84858f4c' },
      { type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2016-04-06T20:03:48.000Z', modified: '2016-04-06T20:03:48.000Z', pattern: "[ipv4-addr:value = '198.51.100.1']", pattern_type: 'stix', valid_from: '2016-01-01T00:00:00Z', indicator_types: ['malicious-activity'] },
    ],
  };

  it('maps foreign objects best-effort and warns about the rest', () => {
    const { dataset, warnings } = readStix(JSON.stringify(foreign), ctx);
    expect(dataset.entities.map((e) => [e.id, e.type])).toEqual([['alpha-group', 'organization'], ['beta-crew', 'organization']]);
    expect(dataset.entities[1]!.names.map((n) => n.name)).toEqual(['Beta Crew', 'The Betas']);
    expect(dataset.claims).toHaveLength(1);
    expect(dataset.claims[0]).toMatchObject({ predicate: 'allied_with', time: '2004-01-01/2006-12-31', status: 'candidate', evidence: [{ quote: 'the two were allied' }] });
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('"uses" has no isnad predicate'), '1 indicator object could not be mapped to isnad records; skipped']));
  });

  it('refuses bad input with a clear error and imports nothing', () => {
    const fails = (text: string, pattern: RegExp) => {
      let err: unknown;
      try { readStix(text, ctx); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(IsnadError);
      expect(`${(err as IsnadError).message} ${(err as IsnadError).issues.map((i) => i.message).join(' ')}`).toMatch(pattern);
    };
    fails('{not json', /not valid JSON/);
    fails('[1,2]', /not a STIX 2.1 bundle/);
    fails('{"type":"bundle"}', /no "objects" list/);
    fails(JSON.stringify({ ...foreign, objects: [{ ...foreign.objects[0], created: 'yesterday' }] }), /STIX 2.1 schemas.*created|must match pattern/);
    fails(JSON.stringify({ ...foreign, objects: [{ ...foreign.objects[0], identity_class: 5 }] }), /identity_class|must be string/);
    fails(' '.repeat(64 * 1024 * 1024 + 1), /at most 64 MB/);
  });

  it('skips, with a warning, relationships whose ends were not imported', () => {
    const { dataset, warnings } = readStix(JSON.stringify({ ...foreign, objects: [foreign.objects[1], foreign.objects[2]] }), ctx);
    expect(dataset.claims).toEqual([]);
    expect(warnings[0]).toMatch(/not imported/);
  });

  it('refuses a bundle of which nothing can be mapped (unknown types only)', () => {
    const only = { ...foreign, objects: [{ type: 'x-custom-thing', spec_version: '2.1', id: 'x-custom-thing--5d0092c5-5f74-4287-9642-33f4c354e56d', created: '2016-04-06T20:03:48.000Z', modified: '2016-04-06T20:03:48.000Z' }] };
    expect(() => readStix(JSON.stringify(only), ctx)).toThrow(/nothing in it could be mapped.*1 x-custom-thing object could not be mapped/);
  });

  it('never crashes on arbitrary JSON: a result or an IsnadError', () => {
    const stixish = fc.record({ type: fc.constantFrom('bundle', 'identity'), id: fc.string(), objects: fc.array(fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('identity', 'relationship', 'note', 'x-custom'), id: fc.string(), name: fc.string() }))) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), stixish), (value) => {
        try { readStix(JSON.stringify(value) ?? 'null', ctx); } catch (err) {
          if (!(err instanceof IsnadError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });
});

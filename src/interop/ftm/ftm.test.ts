import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IsnadError } from '../../core/errors.js';
import { mini } from '../testing/fixtures.js';
import { toFtmEntities, writeFtm } from './export.js';
import { readFtm } from './import.js';
import { ftmModel } from './model.js';
import { modelProblems } from './validate.js';

/** The FtM model version these tests were written against (pin; bump deliberately). */
const PINNED_MODEL_VERSION = '4.5.2';

describe('FollowTheMoney export', () => {
  it('uses the pinned model version', () => {
    expect(ftmModel().version).toBe(PINNED_MODEL_VERSION);
  });

  it('validates against the FtM model: schemata, properties, date prefixes, references and ranges', () => {
    const entities = toFtmEntities(mini());
    expect(modelProblems(entities)).toEqual([]);
    expect(new Set(entities.map((e) => e.schema))).toEqual(new Set(['Article', 'Document', 'Person', 'Organization', 'Address', 'Directorship', 'Succession', 'UnknownLink', 'Event']));
  });

  it('maps names, roles and EDTF dates through the model’s edge and temporalExtent', () => {
    const byId = new Map(toFtmEntities(mini()).map((e) => [e.id, e] as const));
    expect(byId.get('isnad-entity-karim-haddad')!.properties).toMatchObject({ name: ['Karim Haddad'], weakAlias: ['Abu Salim al-Nahri', 'al-Nahri'] });
    expect(byId.get('isnad-entity-valley-front')!.properties.abbreviation).toEqual(['VF']);
    expect(byId.get('isnad-entity-omar-said')!.properties.alias).toEqual(['Omar Saeed']);
    expect(byId.get('isnad-claim-haddad-leads')!.properties).toMatchObject({ director: ['isnad-entity-karim-haddad'], organization: ['isnad-entity-valley-brotherhood'], role: ['leader'], startDate: ['1990'], endDate: ['1995'], summary: ['Haddad led it'], sourceUrl: ['https://example.org/valley-history'], proof: ['isnad-source-farouk-2020'] });
    expect(byId.get('isnad-claim-vb-renamed')!.properties).toMatchObject({ predecessor: ['isnad-entity-valley-brotherhood'], successor: ['isnad-entity-valley-front'], date: ['1995'] });
    expect(byId.get('isnad-claim-mansour-leads-re')!.properties).toMatchObject({ startDate: ['2003'] });
    expect(byId.get('isnad-claim-mansour-leads-re')!.properties.endDate).toBeUndefined();
    expect(byId.get('isnad-claim-haddad-killed')!.properties).toMatchObject({ involved: ['isnad-entity-karim-haddad'], date: ['1998-06'] });
    expect(byId.get('isnad-claim-re-branch-emirate-denies')!.properties).toMatchObject({ status: ['denied'] });
    expect(byId.get('isnad-claim-re-branch-emirate-denies')!.properties.description![0]).toMatch(/^River Emirate denies that River Emirate was a branch of Mountain Network/);
  });

  it('is deterministic, one entity per line', () => {
    const text = writeFtm(mini());
    expect(text).toBe(writeFtm(mini()));
    expect(text.trim().split('\n').every((l) => JSON.parse(l).schema)).toBe(true);
  });
});

describe('FollowTheMoney import', () => {
  it('reads its own export back, best effort, and reports what it skips', () => {
    const { dataset, warnings } = readFtm(writeFtm(mini()), { file: 'mini.ftm' });
    expect(dataset.entities.map((e) => e.canonical).sort()).toEqual(mini().entities.map((e) => e.canonical).sort());
    expect(dataset.sources.map((s) => s.title)).toContain('A History of the Valley Movements');
    const linked = mini().claims.filter((c) => c.object);
    expect(dataset.claims).toHaveLength(linked.length);
    const lead = dataset.claims.find((c) => c.predicate === 'leader_of' && c.time === '1990/1995')!;
    expect(lead).toMatchObject({ status: 'candidate', evidence: [{ quote: 'Haddad led it' }] });
    expect(dataset.claims.filter((c) => c.stance === 'denies')).toHaveLength(1);
    expect(warnings).toEqual(['2 Event entities could not be mapped to isnad records; skipped']);
  });

  it('refuses unknown schemata and malformed lines with their line numbers', () => {
    const fails = (text: string, pattern: RegExp) => {
      let err: unknown;
      try { readFtm(text, { file: 'x.ftm' }); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(IsnadError);
      expect((err as IsnadError).issues.map((i) => `${i.line}: ${i.message}`).join('\n')).toMatch(pattern);
    };
    fails('{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{"id":"b","schema":"Dragon","properties":{}}', /2: "Dragon" is not a FollowTheMoney/);
    fails('{"id":"a","schema":"Person","properties":{"name":"A"}}', /1: property values must be lists/);
    fails('not json', /1: /);
    expect(() => readFtm('{"id":"v","schema":"Vessel","properties":{"name":["Boat"]}}', { file: 'x.ftm' })).toThrow(/nothing in it could be mapped.*1 Vessel entity could not be mapped/);
  });

  it('never crashes on arbitrary lines: a result or an IsnadError', () => {
    const line = fc.oneof(
      fc.json(),
      fc.record({ id: fc.string(), schema: fc.constantFrom('Person', 'Organization', 'Directorship', 'UnknownLink', 'Address', 'Vessel'), properties: fc.dictionary(fc.constantFrom('name', 'alias', 'director', 'organization', 'subject', 'object', 'role', 'startDate', 'summary'), fc.array(fc.string())) }).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        try { readFtm(lines.join('\n'), { file: 'fuzz.ftm' }); } catch (err) {
          if (!(err instanceof IsnadError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });
});

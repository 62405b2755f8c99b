import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../core/model.js';
import { mini, ROOT } from '../testing/fixtures.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';

const GEXF_RNG = join(ROOT, 'vendor', 'xsd', 'gexf-1.3', 'gexf.rng');
const GRAPHML_XSD = join(ROOT, 'vendor', 'xsd', 'graphml-1.0', 'graphml.xsd');

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint && process.env.ISNAD_REQUIRE_XMLLINT === '1') throw new Error('xmllint is required (ISNAD_REQUIRE_XMLLINT=1): apt-get install libxml2-utils');
if (!hasXmllint) console.warn('graph export tests skipped: xmllint not found (apt-get install libxml2-utils)');

const dir = mkdtempSync(join(tmpdir(), 'isnad-graph-'));
/** Runs xmllint; returns its verdict text (stderr), throwing nothing. */
function xmllint(args: string[], text: string, name: string): { ok: boolean; out: string } {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync('xmllint', ['--noout', '--nonet', ...args, file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

const hostile = (): Dataset => {
  const ds = mini();
  return { ...ds, entities: ds.entities.map((e) => (e.id === 'delta-town' ? { ...e, canonical: 'Delta <Town> & "Port"\u0001', description: "it's\nhere" } : e)) };
};

describe.skipIf(!hasXmllint)('graph exports, validated with xmllint', () => {
  it('GEXF 1.3 validates against the official RELAX NG grammar', () => {
    const r = xmllint(['--relaxng', GEXF_RNG], writeGexf(mini()), 'mini.gexf');
    expect(r.out).toContain('validates');
    expect(r.ok).toBe(true);
    expect(xmllint(['--relaxng', GEXF_RNG], writeGexf(hostile()), 'hostile.gexf').ok).toBe(true);
    expect(xmllint(['--relaxng', GEXF_RNG], writeGexf(mini(), 'river-emirate'), 'focus.gexf').ok).toBe(true);
  });

  it('GraphML validates against the GraphML XSD (keys, node references)', () => {
    expect(xmllint(['--schema', GRAPHML_XSD], writeGraphml(mini()), 'mini.graphml')).toMatchObject({ ok: true });
    expect(xmllint(['--schema', GRAPHML_XSD], writeGraphml(hostile()), 'hostile.graphml').ok).toBe(true);
  });

  it('any text (controls, lone surrogates, markup) still gives valid documents', () => {
    const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const texts = fc.sample(fc.string({ unit: fc.oneof(anyChar, fc.constantFrom('<', '&', '"', "'", ']]>', '\r\n')), maxLength: 40 }), { numRuns: 150, seed: 7 });
    const ds = mini();
    const fuzzed: Dataset = { ...ds, entities: ds.entities.map((e, i) => ({ ...e, canonical: `${texts[i] ?? ''}x`, description: texts.slice(12 + i * 10, 22 + i * 10).join('|') })) };
    expect(xmllint(['--relaxng', GEXF_RNG], writeGexf(fuzzed), 'fuzz.gexf').out).toContain('validates');
    expect(xmllint(['--schema', GRAPHML_XSD], writeGraphml(fuzzed), 'fuzz.graphml').out).toContain('validates');
  });

  it('the validators do reject broken documents', () => {
    expect(xmllint(['--relaxng', GEXF_RNG], writeGexf(mini()).replace('<edge id=', '<edge colour="red" id='), 'bad.gexf').ok).toBe(false);
    expect(xmllint(['--schema', GRAPHML_XSD], writeGraphml(mini()).replace('source="karim-haddad"', 'source="nobody"'), 'bad.graphml').ok).toBe(false);
  });
});

describe('graph exports, content', () => {
  it('GEXF edges carry the time bounds Gephi’s timeline reads', () => {
    const gexf = writeGexf(mini());
    expect(gexf).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">');
    expect(gexf).toMatch(/<edge id="haddad-leads-vf" source="karim-haddad" target="valley-front" label="led" kind="leader_of" start="1993-12-31" end="1998-06-30">/);
    expect(gexf).toMatch(/<edge id="mansour-leads-re" [^>]*start="2003-10-01">/);
    expect(gexf).toContain('<attvalue for="time_edtf" value="1995~/1998-06"/>');
    expect(gexf).not.toContain('haddad-killed');
  });

  it('escapes markup and drops characters XML forbids', () => {
    const gexf = writeGexf(hostile());
    expect(gexf).toContain('label="Delta &lt;Town&gt; &amp; &quot;Port&quot;"');
    expect(gexf).not.toContain('\u0001');
    expect(writeGraphml(hostile())).toContain('<data key="n_description">it&apos;s&#10;here</data>');
  });

  it('is deterministic', () => {
    expect(writeGexf(mini())).toBe(writeGexf(mini()));
    expect(writeGraphml(mini())).toBe(writeGraphml(mini()));
  });
});


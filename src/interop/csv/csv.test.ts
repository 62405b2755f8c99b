import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../core/model.js';
import { mini } from '../testing/fixtures.js';
import { csvCell, csvTable } from './csv.js';
import { writeCsv } from './export.js';

/** A strict RFC 4180 reader, as a spreadsheet would read the files. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === '"') throw new Error(`stray quote at ${i}`);
    if (ch === ',') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    cell += ch; i++;
  }
  if (cell !== '' || row.length) throw new Error('last line lacks CRLF');
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('CSV export', () => {
  it('writes the five tables (and disputes) with consistent columns', () => {
    const files = writeCsv(mini());
    expect(Object.keys(files).sort()).toEqual(['claims.csv', 'disputes.csv', 'entities.csv', 'evidence.csv', 'names.csv', 'sources.csv']);
    for (const [name, text] of Object.entries(files)) {
      const rows = parseCsv(text);
      expect(new Set(rows.map((r) => r.length)).size, name).toBe(1);
    }
    expect(records(files['entities.csv']!)).toHaveLength(12);
    expect(records(files['names.csv']!).filter((r) => r.entity_id === 'karim-haddad').map((r) => `${r.name}:${r.kind}`)).toEqual(['Karim Haddad:real_name', 'Abu Salim al-Nahri:kunya', 'al-Nahri:nisba']);
  });

  it('gives ISO date bounds beside the EDTF value and its wording', () => {
    const claims = records(writeCsv(mini())['claims.csv']!);
    expect(claims.find((c) => c.id === 'haddad-leads-vf')).toMatchObject({ time_edtf: '1995~/1998-06', time_text: 'c. 1995 – June 1998', start_earliest: '1993-12-31', start_latest: '1996-12-31', end_earliest: '1998-06-01', end_latest: '1998-06-30' });
    expect(claims.find((c) => c.id === 'mansour-leads-re')).toMatchObject({ start_earliest: '2003-10-01', end_latest: '' });
    expect(claims.find((c) => c.id === 're-branch-network-says')).toMatchObject({ claimant_id: 'mountain-network', attribution: 'Lina Farouk > Mountain Network, statement, February 2009', dispute_id: 'emirate-branch' });
    const evidence = records(writeCsv(mini())['evidence.csv']!);
    expect(evidence.find((e) => e.claim_id === 'vb-founded')).toMatchObject({ source_id: 'farouk-2020', quote: 'Haddad founded the Brotherhood in 1990' });
  });

  it('adds a UTF-8 byte order mark only when asked', () => {
    expect(writeCsv(mini(), { bom: true })['claims.csv']!.startsWith('\uFEFFid,')).toBe(true);
    expect(writeCsv(mini())['claims.csv']!.startsWith('id,')).toBe(true);
  });

  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const evil of ['+1+1', '-2+3', '@SUM(A1)', '\tx']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(0.6)).toBe('0.6');
    const ds = mini();
    const hostile: Dataset = { ...ds, entities: ds.entities.map((e) => (e.id === 'delta-town' ? { ...e, canonical: '=cmd|\' /C calc\'!A0', description: 'line one\r\nline two, "quoted"' } : e)) };
    const row = records(writeCsv(hostile)['entities.csv']!).find((r) => r.id === 'delta-town')!;
    expect(row.canonical).toBe("'=cmd|' /C calc'!A0");
    expect(row.description).toBe('line one\r\nline two, "quoted"');
    expect(parseCsv(csvTable(['a'], [['x']]))).toEqual([['a'], ['x']]);
  });

  it('any text survives a round trip through a spreadsheet reader (formula cells gain one apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const parsed = parseCsv(csvTable(['a', 'b'], rows)).slice(1);
        expect(parsed).toEqual(rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
      { numRuns: 300 },
    );
  });
});

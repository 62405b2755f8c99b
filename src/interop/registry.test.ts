import { describe, expect, it } from 'vitest';
import { mini } from './testing/fixtures.js';
import { EXPORTERS, formatFromPath, IMPORTERS } from './registry.js';

describe('format registry', () => {
  it('registers every export and import format', () => {
    expect([...EXPORTERS.keys()]).toEqual(['json', 'yaml', 'stix', 'ftm', 'jsonld', 'turtle', 'gexf', 'graphml', 'markdown', 'html', 'csv']);
    expect([...IMPORTERS.keys()]).toEqual(['json', 'yaml', 'stix', 'ftm']);
    expect(formatFromPath('x.jsonl')).toBe('ftm');
  });

  it('every exporter runs on the whole dataset and on one entity, and is deterministic', async () => {
    for (const [name, exporter] of EXPORTERS) {
      for (const focus of [undefined, 'river-emirate', 'karim-haddad', 'delta-town']) {
        const a = await exporter.write(mini(), { focus });
        const b = await exporter.write(mini(), { focus });
        expect(a, `${name} ${focus ?? ''}`).toEqual(b);
        const size = typeof a === 'string' ? a.length : Object.values(a).join('').length;
        expect(size, `${name} ${focus ?? ''}`).toBeGreaterThan(100);
      }
    }
  });

  it('stix and ftm exports read back through the import registry', async () => {
    for (const format of ['stix', 'ftm'] as const) {
      const text = (await EXPORTERS.get(format)!.write(mini(), {})) as string;
      const { dataset } = await IMPORTERS.get(format)!.read(text, { file: `mini.${format}` });
      expect(dataset.entities).toHaveLength(mini().entities.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import * as names from './index.js';
import { foldToken } from './fold.js';
import { ARTICLES, COMMON_ISM_KEYS, COMMON_NISBA_KEYS, ISMS, KUNYA_PREFIXES, NASAB_PARTICLES, TITLES } from './lexicon.js';
import { ISM_KEYS } from './parse.js';

describe('lexicon', () => {
  it('is lower-case ASCII data', () => {
    for (const w of [...KUNYA_PREFIXES, ...NASAB_PARTICLES, ...ARTICLES, ...TITLES, ...ISMS]) expect(w).toMatch(/^[a-z][a-z -]*$/);
  });
  it('lists a few hundred given names', () => {
    expect(ISMS.length).toBeGreaterThan(300);
    expect(ISM_KEYS.size).toBeGreaterThan(200);
    for (const n of ['Muhammad', 'Usama', 'Iyad', 'Taha', 'Nashwan', 'Abdullah', 'Hamid']) expect(ISM_KEYS.has(foldToken(n)), n).toBe(true);
  });
  it('has common keys that fold stably', () => {
    for (const k of [...COMMON_ISM_KEYS, ...COMMON_NISBA_KEYS]) expect(foldToken(foldToken(k)), k).toBe(foldToken(k));
  });
});

describe('public entry', () => {
  it('exports the API', () => {
    for (const f of ['parseName', 'foldName', 'foldToken', 'matchNames', 'matchNameToEntity', 'proposeMerges', 'NameIndex']) {
      expect(typeof (names as Record<string, unknown>)[f], f).toBe('function');
    }
    expect(names.KUNYA_PREFIXES).toContain('abu');
  });
});

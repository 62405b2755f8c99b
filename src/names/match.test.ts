import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchNameToEntity, matchNames } from './match.js';
import { keySimilarity } from './similarity.js';
import { informativeParts, parseName } from './parse.js';

const decide = (a: string, b: string): string => matchNames(a, b).decision;

describe('matchNames: the al-Baghdadi rule', () => {
  const three = ['Abu Umar al-Baghdadi', 'Abu Bakr al-Baghdadi', 'Abdullah bin Rashid al-Baghdadi'];
  it('three different men who share a nisba are different', () => {
    for (const a of three) for (const b of three) if (a !== b) expect(decide(a, b), `${a} / ${b}`).toBe('different');
  });
  it('the nisba alone is ambiguous against each of them', () => {
    for (const a of three) {
      const r = matchNames('al-Baghdadi', a);
      expect(r.decision).toBe('undecided');
      expect(r.reasons.join(' ')).toMatch(/ambiguous/);
    }
  });
  it('a shared kunya with different nisbas is different', () => {
    expect(decide('Abu Hamza al-Muhajir', 'Abu Hamza al-Masri')).toBe('different');
    expect(decide('Abu Musab al-Zarqawi', 'Abu Musab al-Suri')).toBe('different');
  });
  it('a shared common ism with different surnames is different', () => {
    expect(decide('Ibrahim al-Badri', 'Ibrahim al-Jafari')).toBe('different');
  });
});

describe('matchNames: kunya and real name', () => {
  it('are not matched by spelling', () => {
    expect(decide('Abu Musab al-Zarqawi', 'Ahmad al-Khalayleh')).not.toBe('same');
    expect(decide('Abu Ali al-Anbari', 'Abd al-Rahman al-Qaduli')).not.toBe('same');
    expect(decide('Abu Bakr al-Baghdadi', 'Ibrahim al-Badri')).not.toBe('same');
  });
});

describe('matchNames: transliteration variants', () => {
  it.each([
    ['Usama bin Ladin', 'Osama bin Laden'],
    ['Abd al-Munim al-Badawi', 'Abdul Munim al-Badawi'],
    ['Abd al-Rahman al-Qaduli', 'Abdurrahman al-Qaduli'],
    ['Abu Musab al-Zarqawi', 'Abou Moussab al-Zarqaoui'],
    ['Ayman al-Zawahiri', 'Ayman al-Zawahri'],
    ['Ahmad al-Khalayleh', 'Ahmed al-Khalaylah'],
    ['Muammar Qaddafi', 'Moammar Gadhafi'],
    ['Sayf al-Adel', 'Saif al-Adl'],
    ['Hassan Nasrallah', 'Hasan Nasr Allah'],
    ['Gamal Abdel Nasser', 'Jamal Abd al-Nasir'],
    ['أسامة بن لادن', 'Usama bin Ladin'],
    ['Ibrahim al-Badri', 'Ibrahim Awad Ibrahim al-Badri'],
  ])('%s ~ %s', (a, b) => {
    const r = matchNames(a, b);
    expect(r.decision).toBe('same');
    expect(r.score).toBeGreaterThanOrEqual(0.8);
    expect(r.reasons.length).toBeGreaterThan(0);
  });
});

describe('matchNames: one-part names', () => {
  it('are at most undecided', () => {
    expect(decide('al-Qaduli', 'Abd al-Rahman al-Qaduli')).toBe('undecided');
    expect(decide('Bin Ladin', 'Usama bin Ladin')).toBe('undecided');
    expect(decide('Karim', 'Karim')).toBe('undecided');
    expect(decide('Karim', 'Usama bin Ladin')).toBe('different');
  });
});

describe('matchNames: explanations', () => {
  it('say which parts agreed and which differed', () => {
    const r = matchNames('Abu Umar al-Baghdadi', 'Abu Bakr al-Baghdadi');
    expect(r.reasons.join('\n')).toMatch(/kunyas differ/);
    expect(r.reasons.join('\n')).toMatch(/surnames agree/);
  });
});

describe('matchNameToEntity', () => {
  const qaduli = [{ name: 'Abd al-Rahman al-Qaduli', kind: 'real_name' }, { name: 'Abu Ali al-Anbari', kind: 'kunya' }];
  const zawi = [{ name: 'Hamid al-Zawi', kind: 'real_name' }, { name: 'Abu Umar al-Baghdadi', kind: 'kunya' }];
  const badri = [{ name: 'Ibrahim al-Badri', kind: 'real_name' }, { name: 'Abu Bakr al-Baghdadi', kind: 'kunya' }];
  it('takes the best of the entity names', () => {
    const r = matchNameToEntity('Abou Ali al-Anbari', qaduli);
    expect(r.decision).toBe('same');
    expect(r.reasons[0]).toMatch(/Abu Ali al-Anbari/);
  });
  it('resolves a surname-only short form from context when unambiguous', () => {
    expect(matchNameToEntity('al-Qaduli', qaduli).decision).toBe('undecided');
    expect(matchNameToEntity('al-Qaduli', qaduli, { context: [zawi, badri] }).decision).toBe('same');
  });
  it('leaves an ambiguous short form undecided even with context', () => {
    const r = matchNameToEntity('al-Baghdadi', zawi, { context: [badri, qaduli] });
    expect(r.decision).toBe('undecided');
    expect(r.reasons.join(' ')).toMatch(/ambiguous/);
  });
});

describe('keySimilarity', () => {
  it('grades consonant and vowel agreement', () => {
    expect(keySimilarity('hamid', 'hamid').sim).toBe(1);
    expect(keySimilarity('zawahiri', 'zawahri').sim).toBe(0.85);
    expect(keySimilarity('hamid', 'hamad').sim).toBe(0.6);
    expect(keySimilarity('kadafi', 'gazafi').sim).toBe(0.75);
    expect(keySimilarity('usama', 'khalid').sim).toBe(0);
  });
});

// Property tests over generated Arabic-style names.
const ism = fc.constantFrom('Muhammad', 'Ahmad', 'Khalid', 'Samir', 'Iyad', 'Taha', 'Nashwan', 'Abd al-Rahman', 'Abdul Munim', 'Hamid', 'Usama', 'Fatima', 'Mustafa');
const kunya = fc.constantFrom('Abu Bakr', 'Abu Umar', 'Abu Musab', 'Umm Sayyaf', 'Abu Abd al-Rahman', 'Abu Muhammad');
const nasab = fc.constantFrom('bin Rashid', 'ibn Ali', 'bin Ladin', 'Awad', 'bint Khalid');
const nisba = fc.constantFrom('al-Baghdadi', 'al-Iraqi', 'al-Suri', 'al-Masri', 'al-Anbari', 'al-Qaduli', 'az-Zawahiri', 'al-Muhajir', 'Hijazi');
const title = fc.constantFrom('', 'Sheikh ', 'Dr. ', 'Mullah ');
const fullName = fc
  .tuple(title, fc.option(kunya), fc.option(ism), fc.array(nasab, { maxLength: 2 }), fc.array(nisba, { maxLength: 2 }))
  .map(([t, k, i, n, s]) => `${t}${[k, i, ...n, ...s]
    .filter((x) => typeof x === 'string').join(' ')}`.trim())
  .filter((s) => s.length > 0);
const anyString = fc.string({ maxLength: 30 });

describe('matchNames properties', () => {
  it('a name matches itself when it has two informative parts', () => {
    fc.assert(
      fc.property(fullName, (n) => {
        const r = matchNames(n, n);
        if (informativeParts(parseName(n)).length >= 2) return r.decision === 'same' && r.score === 1;
        return r.decision !== 'different';
      }),
      { numRuns: 500 },
    );
  });
  it('is symmetric (decision and score)', () => {
    fc.assert(
      fc.property(fc.oneof(fullName, anyString), fc.oneof(fullName, anyString), (a, b) => {
        const x = matchNames(a, b);
        const y = matchNames(b, a);
        return x.decision === y.decision && x.score === y.score;
      }),
      { numRuns: 1000 },
    );
  });
  it('scores stay in 0..1 and different/same are consistent with the score', () => {
    fc.assert(
      fc.property(fullName, fullName, (a, b) => {
        const r = matchNames(a, b);
        if (r.score < 0 || r.score > 1) return false;
        if (r.decision === 'same') return r.score >= 0.8;
        if (r.decision === 'different') return r.score <= 0.3;
        return r.score < 0.8;
      }),
      { numRuns: 1000 },
    );
  });
});

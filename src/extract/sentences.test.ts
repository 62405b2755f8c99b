import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from './sentences.js';

describe('splitSentences', () => {
  it('does not split after abbreviations, initials and page references', () => {
    const t = 'The U.S. Embassy was closed (p. 42) on Monday. Dr. Salma Aziz met J. Doe there. A new text begins.';
    expect(splitSentences(t).map((s) => s.text)).toEqual([
      'The U.S. Embassy was closed (p. 42) on Monday.',
      'Dr. Salma Aziz met J. Doe there.',
      'A new text begins.',
    ]);
  });

  it('keeps offsets exact and treats lines as paragraphs', () => {
    const t = 'Heading Line\n\nFirst sentence here. Second one “quoted.” Third?\nNext paragraph.';
    const ss = splitSentences(t);
    for (const s of ss) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(ss[0]!.headline).toBe(true);
    expect(ss.map((s) => s.paragraph)).toEqual([0, 2, 2, 2, 3]);
  });

  it('bounds very long sentences', () => {
    const t = 'word, '.repeat(2000);
    for (const s of splitSentences(t)) expect(s.end - s.start).toBeLessThanOrEqual(1500);
  });
});

describe('tokenize', () => {
  it('splits possessives and modifier prefixes/suffixes off names', () => {
    const t = "then-NVF’s leader met the Tehran-based envoy of al-Fajr's council";
    expect(tokenize(t, 0, t.length).map((x) => x.text)).toEqual(['then-', 'NVF', '’s', 'leader', 'met', 'the', 'Tehran', '-based', 'envoy', 'of', 'al-Fajr', "'s", 'council']);
  });
});

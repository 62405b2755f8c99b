import { describe, expect, it } from 'vitest';
import { hasArabicScript, transliterateArabic } from './arabic-script.js';
import { matchNames } from './match.js';

describe('transliterateArabic', () => {
  it('detects Arabic script', () => {
    expect(hasArabicScript('أسامة')).toBe(true);
    expect(hasArabicScript('Usama')).toBe(false);
  });
  it('romanises letters, the joined article and particles', () => {
    expect(transliterateArabic('أسامة بن لادن')).toBe('asama bin ladn');
    expect(transliterateArabic('البغدادي')).toBe('al-bghdadi');
    expect(transliterateArabic('عبد الله')).toBe('abd allah');
    expect(transliterateArabic('أبو بكر')).toBe('abu bkr');
  });
  it('reads waw and ya as consonants or long vowels by position', () => {
    expect(transliterateArabic('يوسف')).toBe('yusf');
    expect(transliterateArabic('حسين')).toBe('hsin');
    expect(transliterateArabic('أيمن')).toBe('aymn');
  });
  it('transliterates short vowel marks and shadda when present', () => {
    expect(transliterateArabic('مُحَمَّد')).toBe('muhammad');
  });
  it('leaves Latin text alone', () => {
    expect(transliterateArabic('Abu Bakr')).toBe('Abu Bakr');
  });
  it('lets Arabic-script names match their romanisation', () => {
    for (const [ar, la] of [
      ['أسامة بن لادن', 'Usama bin Ladin'],
      ['أيمن الظواهري', 'Ayman al-Zawahiri'],
      ['أبو بكر البغدادي', 'Abu Bakr al-Baghdadi'],
      ['معمر القذافي', 'Muammar Qaddafi'],
    ]) {
      expect(matchNames(ar as string, la as string).decision, `${ar} / ${la}`).toBe('same');
    }
  });
});

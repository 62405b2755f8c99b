import { describe, expect, it } from 'vitest';
import { isKnownIsm, looksLikeNisba, parseName } from './parse.js';
import { foldToken } from './fold.js';

const roles = (raw: string): string => parseName(raw).parts.map((p) => `${p.role}:${p.text}`).join(' | ');

describe('parseName', () => {
  it('splits kunya and nisba', () => {
    const p = parseName('Abu Musab al-Zarqawi');
    expect(p.kunya).toBe('Abu Musab');
    expect(p.nisbas).toEqual(['al-Zarqawi']);
    expect(p.ism).toBeUndefined();
  });

  it('reads ism, nasab chain and nisba', () => {
    const p = parseName('Abdullah bin Rashid al-Baghdadi');
    expect(p.ism).toBe('Abdullah');
    expect(p.nasab).toEqual(['bin Rashid']);
    expect(p.nisbas).toEqual(['al-Baghdadi']);
  });

  it('reads an implicit nasab chain', () => {
    const p = parseName('Ibrahim Awad Ibrahim Ali al-Badri');
    expect(p.ism).toBe('Ibrahim');
    expect(p.nasab).toEqual(['Awad', 'Ibrahim', 'Ali']);
    expect(p.nisbas).toEqual(['al-Badri']);
  });

  it('keeps Abd compounds as one part in every spelling', () => {
    for (const n of ['Abd al-Rahman', 'Abdul Rahman', 'Abdel Rahman', 'Abdurrahman', 'Abd-ur-Rahman', 'Abd ar-Rahman']) {
      const p = parseName(`${n} al-Qaduli`);
      expect(p.ism, n).toBeDefined();
      expect(p.family ?? p.nisbas[0], n).toBe('al-Qaduli');
      expect(p.parts.find((x) => x.role === 'ism')?.key, n).toBe('abdalrahman');
    }
    expect(parseName('Abdelraheem').parts[0]?.key).toBe(foldToken('Abd al-Rahim'));
  });

  it('recognises odd spellings of the kunya prefix by their fold', () => {
    expect(parseName('Aboo Bakr al-Baghdadi').kunya).toBe('Aboo Bakr');
    expect(parseName('Oum Sayyaf').kunya).toBe('Oum Sayyaf');
  });

  it('reads a kunya built on an Abd compound', () => {
    expect(parseName('Abu Abd al-Rahman al-Bilawi').kunya).toBe('Abu Abd al-Rahman');
  });

  it('drops titles and honorifics', () => {
    expect(parseName('Sheikh Ayman al-Zawahiri').titles).toEqual(['Sheikh']);
    expect(parseName('Dr. Ayman al-Zawahiri').ism).toBe('Ayman');
    expect(parseName('Grand Ayatollah Ali al-Sistani').titles).toEqual(['Grand', 'Ayatollah']);
    expect(parseName('Mullah Muhammad Omar').ism).toBe('Muhammad');
  });

  it('keeps an ambiguous title as a name when little follows', () => {
    expect(parseName('Amir Taheri').ism).toBe('Amir');
  });

  it('reads Haji X alone as a laqab', () => {
    expect(parseName('Haji Bakr').laqab).toBe('Haji Bakr');
    expect(parseName('Hajji Iman').laqab).toBe('Hajji Iman');
  });

  it('handles sun-letter articles', () => {
    expect(parseName('Ayman az-Zawahiri').nisbas).toEqual(['az-Zawahiri']);
    expect(parseName('Abu Hammam ash-Shami').nisbas).toEqual(['ash-Shami']);
    expect(parseName('Abu Hammam as-Suri').nisbas).toEqual(['as-Suri']);
  });

  it('tells family names from nisbas', () => {
    expect(parseName('Ahmad al-Khalayleh').family).toBe('al-Khalayleh');
    expect(parseName('Samir Hijazi').family).toBe('Hijazi');
    expect(parseName('Taha Falaha').family).toBe('Falaha');
  });

  it('reads nasab particles in several traditions', () => {
    expect(parseName('Mohamedou Ould Slahi').nasab).toEqual(['Ould Slahi']);
    expect(parseName('Ali ibn Abi Talib').nasab).toEqual(['ibn Abi Talib']);
    expect(parseName('Zine El Abidine Ben Ali').nasab).toEqual(['Ben Ali']);
  });

  it('reads one-word names by their shape', () => {
    expect(roles('al-Baghdadi')).toBe('nisba:al-Baghdadi');
    expect(roles('Zarqawi')).toBe('nisba:Zarqawi');
    expect(roles('Karim')).toBe('ism:Karim');
    expect(roles('Ali')).toBe('ism:Ali');
  });

  it('parses Arabic script', () => {
    const p = parseName('أبو بكر البغدادي');
    expect(p.parts.map((x) => x.role)).toEqual(['kunya', 'nisba']);
  });

  it('never throws on odd input', () => {
    for (const s of ['', '   ', '---', 'al', 'Abu', 'bin', '123', 'al-', 'Abd']) expect(() => parseName(s)).not.toThrow();
    expect(parseName('').parts).toEqual([]);
  });

  it('knows common isms and nisba shapes', () => {
    expect(isKnownIsm(foldToken('Mohammed'))).toBe(true);
    expect(isKnownIsm(foldToken('Iyad'))).toBe(true);
    expect(looksLikeNisba(foldToken('Anbari'))).toBe(true);
    expect(looksLikeNisba(foldToken('Muhajir'))).toBe(true);
    expect(looksLikeNisba(foldToken('Khalayleh'))).toBe(false);
  });
});

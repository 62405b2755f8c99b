/**
 * Transliteration of Arabic script (U+0600–U+06FF, with the Persian/Urdu letters in that block)
 * into a simple romanisation close to ALA-LC without diacritics, so that `foldName` gives keys
 * comparable with those of romanised names.
 *
 * Unvocalised Arabic writes only consonants and long vowels, so a transliterated name has no short
 * vowels (`لادن` → `ladn`); the matcher compares such tokens by their consonant skeleton. Short
 * vowel marks (harakat), when present, are transliterated.
 */

const LETTERS: Readonly<Record<string, string>> = {
  '\u0621': '', // hamza
  '\u0622': 'a', // alif madda
  '\u0623': 'a', // alif hamza above
  '\u0624': 'u', // waw hamza
  '\u0625': 'i', // alif hamza below
  '\u0626': 'i', // ya hamza
  '\u0627': 'a', // alif
  '\u0628': 'b',
  '\u0629': 'a', // ta marbuta
  '\u062A': 't',
  '\u062B': 'th',
  '\u062C': 'j',
  '\u062D': 'h',
  '\u062E': 'kh',
  '\u062F': 'd',
  '\u0630': 'dh',
  '\u0631': 'r',
  '\u0632': 'z',
  '\u0633': 's',
  '\u0634': 'sh',
  '\u0635': 's',
  '\u0636': 'd',
  '\u0637': 't',
  '\u0638': 'z',
  '\u0639': '', // ʿayn: dropped like its romanised mark
  '\u063A': 'gh',
  '\u0641': 'f',
  '\u0642': 'q',
  '\u0643': 'k',
  '\u0644': 'l',
  '\u0645': 'm',
  '\u0646': 'n',
  '\u0647': 'h',
  '\u0648': 'w', // waw: consonant or long u, decided in context
  '\u0649': 'a', // alif maqsura
  '\u064A': 'y', // ya: consonant or long i, decided in context
  '\u0671': 'a', // alif wasla
  '\u067E': 'p',
  '\u0686': 'ch',
  '\u0698': 'zh',
  '\u06A9': 'k', // keheh (Persian kaf)
  '\u06AF': 'g',
  '\u06CC': 'y', // Farsi yeh
  '\u06D2': 'y',
  '\u06C1': 'h',
  '\u06BE': 'h',
};

const HARAKAT: Readonly<Record<string, string>> = {
  '\u064E': 'a', // fatha
  '\u064F': 'u', // damma
  '\u0650': 'i', // kasra
  '\u064B': '', // tanwin fath
  '\u064C': '',
  '\u064D': '',
  '\u0652': '', // sukun
  '\u0670': 'a', // superscript alif
};
const SHADDA = '\u0651';
const TATWEEL = '\u0640';

/** Whole words with a conventional romanisation (particles, Allah). */
const WORDS: Readonly<Record<string, string>> = {
  'بن': 'bin',
  'ابن': 'ibn',
  'بنت': 'bint',
  'أبو': 'abu',
  'ابو': 'abu',
  'أبي': 'abi',
  'ابي': 'abi',
  'أم': 'umm',
  'ام': 'umm',
  'عبد': 'abd',
  'الله': 'allah',
  'لله': 'allah',
  'محمد': 'muhammad',
};

/** True when the string contains a character of the Arabic block (U+0600–U+06FF). */
export function hasArabicScript(s: string): boolean {
  return /[\u0600-\u06FF]/.test(s);
}

function transliterateWord(word: string): string {
  const known = WORDS[word];
  if (known !== undefined) return known;
  let w = word;
  let prefix = '';
  // The article, written joined to its word.
  if (w.length > 2 && w.startsWith('\u0627\u0644')) {
    prefix = 'al-';
    w = w.slice(2);
  } else if (w.length > 3 && (w.startsWith('\u0648\u0627\u0644') || w.startsWith('\u0628\u0627\u0644'))) {
    prefix = w.startsWith('\u0648') ? 'wa-al-' : 'bi-al-';
    w = w.slice(3);
  }
  const rest = WORDS[w];
  if (rest !== undefined) return prefix + rest;
  let out = '';
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === TATWEEL) continue;
    if (c === SHADDA) {
      // Double the last consonant, even when its vowel mark came first.
      out = out.replace(/([^aiu\s]h?)([aiu]*)$/, '$1$1$2');
      continue;
    }
    const h = HARAKAT[c];
    if (h !== undefined) {
      out += h;
      continue;
    }
    const l = LETTERS[c];
    if (l === undefined) {
      if (!/[\u0600-\u06FF]/.test(c)) out += c;
      continue;
    }
    if (l === 'w' || l === 'y') {
      const next = chars[i + 1];
      const nextIsVowel = next !== undefined && (next === '\u0627' || HARAKAT[next] === 'a' || HARAKAT[next] === 'u' || HARAKAT[next] === 'i');
      const consonantal = out === '' || nextIsVowel || out.endsWith('a');
      if (consonantal) out += l;
      else out += l === 'w' ? 'u' : 'i';
      continue;
    }
    out += l;
  }
  return prefix + out;
}

/**
 * Transliterate the Arabic-script words of `s` into romanised words, leaving other characters as
 * they are. `أسامة بن لادن` → `asama bin ladn`.
 */
export function transliterateArabic(s: string): string {
  if (!hasArabicScript(s)) return s;
  return s.replace(/[\u0600-\u06FF]+/g, (w) => transliterateWord(w));
}

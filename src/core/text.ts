/** Text normalisation shared by search and display; no transliteration knowledge (that is `src/names`). */

/** Lower-case, strip diacritics and apostrophe-like marks, fold dashes and spaces. */
export function basicFold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'‘`ʿʾ]/g, '')
    .replace(/[‐‑‒–—\-_]/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

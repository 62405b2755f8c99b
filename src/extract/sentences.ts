/**
 * Sentence splitting and tokenising with character offsets into the decoded text. Linear-time
 * scanning only: no regular expression here can backtrack beyond one token.
 */

/** A sentence: `[start, end)` into the text, and the paragraph it belongs to. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly paragraph: number;
  /** A line that looks like a title or heading (most words capitalised, no final stop). */
  readonly headline: boolean;
}

/** A token: a word (with internal hyphens, apostrophes, dots), a possessive marker or a punctuation mark. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Lowercase form with typographic apostrophes and hyphens normalised. */
  readonly lower: string;
  readonly kind: 'word' | 'possessive' | 'punct' | 'number';
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'rev', 'sr', 'jr', 'no', 'nos', 'vol', 'vols',
  'p', 'pp', 'para', 'ch', 'chap', 'fig', 'cf', 'vs', 'v', 'etc', 'al', 'approx', 'ca', 'c', 'ed', 'eds', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'gov', 'sen', 'rep', 'e.g', 'i.e',
  'u.s', 'u.k', 'u.n', 'a.k.a', 'aka', 'b', 'op', 'ibid', 'est', 'dept', 'univ', 'assn', 'bros',
]);

/** Longest sentence kept whole; longer runs are cut at a comma or space to bound the work. */
const MAX_SENTENCE = 1500;

/** Splits a text into sentences with offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const lines: Array<[number, number]> = [];
  let ls = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push([ls, i]);
      ls = i + 1;
    }
  }
  // Join hard-wrapped lines: a line that does not end a sentence and is long continues into the next.
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart >= 0) splitBlock(text, blockStart, blockEnd, paragraph, out);
    blockStart = -1;
  };
  for (let k = 0; k < lines.length; k++) {
    const [a, b] = lines[k]!;
    const line = text.slice(a, b);
    if (line.trim() === '') {
      flush();
      paragraph++;
      continue;
    }
    if (blockStart < 0) blockStart = a;
    blockEnd = b;
    const trimmed = line.trimEnd();
    const next = lines[k + 1];
    const nextLine = next ? text.slice(next[0], next[1]).trimStart() : '';
    const wraps = trimmed.length >= 60 && !/[.!?:;"”)\]]$/.test(trimmed) && /^[a-z(]/.test(nextLine);
    if (!wraps) {
      flush();
      paragraph++;
    }
  }
  flush();
  return out;
}

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Lu}\d“"‘'(\[]/u.test(ch);
}

function splitBlock(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) return;
    // Bound sentence length: cut overly long runs at the last comma/semicolon/space before the limit.
    while (b - a > MAX_SENTENCE) {
      let cut = a + MAX_SENTENCE;
      const seg = text.slice(a, cut);
      const c = Math.max(seg.lastIndexOf('; '), seg.lastIndexOf(', '));
      const sp = seg.lastIndexOf(' ');
      cut = c > MAX_SENTENCE / 2 ? a + c + 1 : sp > MAX_SENTENCE / 2 ? a + sp : cut;
      emit(a, cut);
      a = cut;
      while (a < b && /\s/.test(text[a]!)) a++;
    }
    emit(a, b);
  };
  const emit = (a: number, b: number) => {
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b <= a) return;
    const t = text.slice(a, b);
    out.push({ start: a, end: b, text: t, paragraph, headline: looksLikeHeadline(t) });
  };
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // absorb closing quotes/brackets and repeated marks
    let j = i + 1;
    while (j < end && /[.!?"”’')\]]/.test(text[j]!)) j++;
    if (j < end && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end) continue;
    if (!isUpperStart(text[k])) continue;
    if (ch === '.') {
      // the word before the dot
      let w = i;
      while (w > start && /[\p{L}\p{N}.’'-]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREV.has(word)) {
        // "U.S." at the end of a sentence followed by a capitalised word is ambiguous; keep joined.
        continue;
      }
      if (/^\p{Lu}$/u.test(text.slice(w, i))) continue; // an initial: "J. Smith"
      if (/^(?:\p{L}\.)+\p{L}$/u.test(text.slice(w, i))) continue; // "a.k.a" etc.
    }
    push(s, j);
    s = k;
    i = k - 1;
  }
  push(s, end);
}

/** True when a line reads like a title: ≥3 words, most capitalised, no sentence-final stop. */
export function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  if (/[.!?]["”’)]?$/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return true;
  const caps = words.filter((w) => /^[“"‘(]?\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.6;
}

const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:[’'‐\-.&ʿʾ][\p{L}\p{M}\p{N}]+)*\.?|[^\s\p{L}\p{M}\p{N}]/gu;

/** Lowercase prefixes joined by a hyphen to a name that are not part of it ("then-ISIS", "post-Qaddafi"). */
const MODIFIER_PREFIX = /^(then|post|pre|pro|anti|ex|non|neo|self|now|later|once|former|so|al-Qaeda)[-‐](?=\p{Lu})/u;
/** Lowercase suffixes after a hyphen that turn a name into a modifier ("Iran-based", "AQ-linked"). */
const MODIFIER_SUFFIX = /[-‐](based|linked|led|backed|affiliated|aligned|held|controlled|run|allied|inspired|era|style|born|related|leaning)$/;

/** Normalises apostrophes and hyphens and lowercases. */
export function lowerNorm(s: string): string {
  return s.replace(/[’‘ʼ`]/g, "'").replace(/[‐‑‒–]/g, '-').toLowerCase();
}

/** Tokenises `text[start,end)`; possessive "’s" becomes its own token, modifier prefixes/suffixes are split off. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const seg = text.slice(start, end);
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(seg)) !== null) {
    let w = m[0];
    let a = start + m.index;
    if (!/[\p{L}\p{N}]/u.test(w)) {
      out.push({ text: w, start: a, end: a + w.length, lower: w, kind: 'punct' });
      continue;
    }
    // a trailing dot belongs to the word only for abbreviations and initials ("U.S.", "p.", "J.")
    if (w.endsWith('.')) {
      const core = w.slice(0, -1);
      const keep = /^(?:\p{L}\.)+\p{L}$/u.test(core) || /^\p{Lu}$/u.test(core) || ABBREV.has(core.toLowerCase());
      if (!keep) {
        pushWord(out, core, a);
        out.push({ text: '.', start: a + core.length, end: a + w.length, lower: '.', kind: 'punct' });
        continue;
      }
    }
    const pre = MODIFIER_PREFIX.exec(w);
    if (pre && !/^al-Qaeda/i.test(pre[0])) {
      out.push({ text: w.slice(0, pre[0].length), start: a, end: a + pre[0].length, lower: lowerNorm(pre[0]), kind: 'word' });
      a += pre[0].length;
      w = w.slice(pre[0].length);
    }
    const suf = MODIFIER_SUFFIX.exec(w);
    if (suf && suf.index > 0) {
      pushWord(out, w.slice(0, suf.index), a);
      out.push({ text: suf[0], start: a + suf.index, end: a + w.length, lower: suf[0].toLowerCase(), kind: 'word' });
      continue;
    }
    pushWord(out, w, a);
  }
  return out;
}

function pushWord(out: Token[], w: string, a: number): void {
  const poss = /[’']s$/.exec(w);
  if (poss && w.length > 2) {
    const core = w.slice(0, -2);
    out.push(mk(core, a));
    out.push({ text: w.slice(-2), start: a + core.length, end: a + w.length, lower: "'s", kind: 'possessive' });
    return;
  }
  const plainPoss = /(?<=s)[’']$/.exec(w);
  if (plainPoss) {
    out.push(mk(w.slice(0, -1), a));
    out.push({ text: w.slice(-1), start: a + w.length - 1, end: a + w.length, lower: "'s", kind: 'possessive' });
    return;
  }
  out.push(mk(w, a));
}

function mk(w: string, a: number): Token {
  return { text: w, start: a, end: a + w.length, lower: lowerNorm(w), kind: /^\d[\d,.]*$/.test(w) ? 'number' : 'word' };
}

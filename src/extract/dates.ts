/**
 * Dates in running text to EDTF (ISO 8601-2): absolute dates ("28 October 2002", "October 28,
 * 2002", "April 2002", "2000"), vague ones ("late 2006", "around July 2002", "by May 2002",
 * "until 2014", "between 2006 and 2012", "March/April 2013") and relative ones ("three days
 * later", "the following year", "within a month of that date") resolved against the last
 * absolute date seen. Every emitted string is validated with the `edtf` package.
 */
import { parse as parseEdtf } from 'edtf';
import { MONTHS } from './lexicon.js';

/** A calendar point with known precision. */
export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** A date expression found in text. */
export interface DateMention {
  /** Character offsets into the full text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Validated EDTF string. */
  readonly edtf: string;
  readonly relative: boolean;
  /** The point used as anchor by later relative expressions (absolute dates only). */
  readonly anchor?: DateParts;
}

const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR_RE = '(?:1[6-9]\\d\\d|20\\d\\d)';
const NUMWORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, several: 3, few: 3, 'a few': 3,
};
const NUM_RE = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)';

// A single date: day-month-year, month-day-year, month/month year, month year, season/part of year, year.
const SINGLE = `(?:(?:early|mid|late|the (?:end|beginning|start|middle) of|the (?:first|second) half of|(?:spring|summer|autumn|fall|winter)(?: of)?)[- ]+)?(?:\\d{1,2}(?:st|nd|rd|th)? ${MONTH_RE}\\.?,? ${YEAR_RE}|${MONTH_RE}\\.? \\d{1,2}(?:st|nd|rd|th)?,? ${YEAR_RE}|${MONTH_RE}/${MONTH_RE} ${YEAR_RE}|${MONTH_RE}\\.?,? ${YEAR_RE}|${YEAR_RE}s?(?:[–-]${YEAR_RE}\\b)?)`;
const QUAL = '(?:(?:in or )?around|about|circa|c\\.|approximately|roughly|by|before|until|till|up to|since|after|as late as|at least as late as|no later than|as early as|probably in|possibly in|perhaps in)';
const RANGE = `(?:between|from) (${SINGLE}) (?:and|to|until|till|through|[–-]) (${SINGLE})`;
const RELATIVE = `(?:${NUM_RE} (?:days?|weeks?|months?|years?) (?:later|afterwards|after that|earlier|before that|beforehand)|within (?:${NUM_RE} )?(?:days?|weeks?|months?|years?) of (?:that date|this|that|it)|(?:the|that) (?:following|next|previous|same) (?:day|week|month|year)|(?:that|this) (?:year|month|day)|the year (?:after|before))`;

/** Cheap necessary condition for any date expression: a digit or a relative-time word. */
const MAYBE_DATE = /\d|\b(?:later|afterwards|earlier|before|following|next|previous|same|within|that (?:year|month|day)|this (?:year|month|day)|year after)\b/i;

const MASTER = new RegExp(`\\b(?:${RANGE}|(${QUAL}) (${SINGLE})|(${SINGLE})|(${RELATIVE}))\\b`, 'gi');

function monthNum(s: string): number | undefined {
  return MONTHS.get(s.toLowerCase().replace(/\.$/, ''));
}
const pad = (n: number) => String(n).padStart(2, '0');

/** Converts one absolute date phrase to [edtf, anchor] or undefined. */
function single(phrase: string): [string, DateParts] | undefined {
  let p = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  let part: string | undefined;
  const pm = /^(early|mid|late|the (?:end|beginning|start|middle) of|the (?:first|second) half of|(?:spring|summer|autumn|fall|winter)(?: of)?)[- ]+/.exec(p);
  if (pm) {
    part = pm[1]!;
    p = p.slice(pm[0].length);
  }
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_RE})\\.?,? (${YEAR_RE})$`).exec(p))) {
    return ymd(+m[3]!, monthNum(m[2]!), +m[1]!);
  }
  if ((m = new RegExp(`^(${MONTH_RE})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (${YEAR_RE})$`).exec(p))) {
    return ymd(+m[3]!, monthNum(m[1]!), +m[2]!);
  }
  if ((m = new RegExp(`^(${MONTH_RE})/(${MONTH_RE}) (${YEAR_RE})$`).exec(p))) {
    const y = +m[3]!;
    const a = monthNum(m[1]!);
    const b = monthNum(m[2]!);
    if (!a || !b) return undefined;
    return [`${y}-${pad(a)}/${y}-${pad(b)}`, { year: y, month: a }];
  }
  if ((m = new RegExp(`^(${MONTH_RE})\\.?,? (${YEAR_RE})$`).exec(p))) {
    const mo = monthNum(m[1]!);
    if (!mo) return undefined;
    const y = +m[2]!;
    if (part === 'early') return [`${y}-${pad(mo)}-01/${y}-${pad(mo)}-10`, { year: y, month: mo }];
    if (part === 'late') return [`${y}-${pad(mo)}-20/${y}-${pad(mo)}-${pad(daysIn(y, mo))}`, { year: y, month: mo }];
    return [`${y}-${pad(mo)}`, { year: y, month: mo }];
  }
  if ((m = new RegExp(`^(${YEAR_RE})[–-](${YEAR_RE})$`).exec(p))) return [`${m[1]}/${m[2]}`, { year: +m[1]! }];
  if ((m = new RegExp(`^(${YEAR_RE})s$`).exec(p))) {
    const y = +m[1]!;
    if (y % 10 !== 0) return undefined;
    return [`${String(y).slice(0, 3)}X`, { year: y }];
  }
  if ((m = new RegExp(`^(${YEAR_RE})$`).exec(p))) {
    const y = +m[1]!;
    if (!part) return [`${y}`, { year: y }];
    if (part === 'early' || /beginning|start/.test(part)) return [`${y}-01/${y}-04`, { year: y, month: 2 }];
    if (part === 'mid' || /middle/.test(part)) return [`${y}-05/${y}-08`, { year: y, month: 6 }];
    if (part === 'late' || /end/.test(part)) return [`${y}-09/${y}-12`, { year: y, month: 11 }];
    if (/first half/.test(part)) return [`${y}-01/${y}-06`, { year: y, month: 3 }];
    if (/second half/.test(part)) return [`${y}-07/${y}-12`, { year: y, month: 9 }];
    const season: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };
    const s = season[part.replace(/ of$/, '')];
    if (s) return [`${y}-${s}`, { year: y }];
  }
  return undefined;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ymd(y: number, mo: number | undefined, d: number): [string, DateParts] | undefined {
  if (!mo || d < 1 || d > daysIn(y, mo)) return undefined;
  return [`${y}-${pad(mo)}-${pad(d)}`, { year: y, month: mo, day: d }];
}

function fmt(p: DateParts): string {
  return p.day && p.month ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : p.month ? `${p.year}-${pad(p.month)}` : `${p.year}`;
}

function shift(p: DateParts, n: number, unit: string): DateParts {
  if (unit.startsWith('year')) return { year: p.year + n, ...(p.month && /^day|^week/.test(unit) ? { month: p.month } : {}) };
  if (unit.startsWith('month')) {
    const base = p.month ?? 6;
    const t = p.year * 12 + (base - 1) + n;
    if (!p.month) return { year: Math.floor(t / 12) };
    const y = Math.floor(t / 12);
    const mo = (t % 12) + 1;
    return p.day ? { year: y, month: mo, day: Math.min(p.day, daysIn(y, mo)) } : { year: y, month: mo };
  }
  const days = unit.startsWith('week') ? 7 * n : n;
  if (!p.month) return { year: p.year };
  if (!p.day) {
    const d = new Date(Date.UTC(p.year, p.month - 1, 15 + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  }
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function relative(phrase: string, anchor: DateParts | undefined): string | undefined {
  if (!anchor) return undefined;
  const p = phrase.toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = /^(\S+|a few) (day|week|month|year)s? (later|afterwards|after that|earlier|before that|beforehand)$/.exec(p))) {
    const n = NUMWORDS[m[1]!] ?? Number(m[1]);
    if (!Number.isFinite(n)) return undefined;
    const sign = /earlier|before/.test(m[3]!) ? -1 : 1;
    const approx = /several|few/.test(m[1]!) ? '~' : '';
    return fmt(shift(anchor, sign * n, m[2]!)) + approx;
  }
  if ((m = /^within (?:(\S+|a few) )?(day|week|month|year)s? of/.exec(p))) {
    const n = m[1] ? (NUMWORDS[m[1]] ?? Number(m[1])) : 1;
    if (!Number.isFinite(n)) return undefined;
    return `${fmt(anchor)}/${fmt(shift(anchor, n, m[2]!))}`;
  }
  if ((m = /^(?:the|that) (following|next|previous|same) (day|week|month|year)$/.exec(p)) || (m = /^the (year) (after|before)$/.exec(p))) {
    const dir = m[1] === 'year' ? m[2] : m[1];
    const unit = m[1] === 'year' ? 'year' : m[2]!;
    const n = dir === 'following' || dir === 'next' || dir === 'after' ? 1 : dir === 'same' ? 0 : -1;
    const base: DateParts = unit === 'year' ? { year: anchor.year } : unit === 'month' ? { year: anchor.year, ...(anchor.month ? { month: anchor.month } : {}) } : anchor;
    return fmt(shift(base, n, unit));
  }
  if ((m = /^(?:that|this) (year|month|day)$/.exec(p))) {
    if (m[1] === 'year') return `${anchor.year}`;
    if (m[1] === 'month') return fmt({ year: anchor.year, ...(anchor.month ? { month: anchor.month } : {}) });
    return fmt(anchor);
  }
  return undefined;
}

function qualify(q: string, e: string): string {
  const l = q.toLowerCase();
  if (/around|about|circa|c\.|approximately|roughly/.test(l)) return e.includes('/') ? e : `${e}~`;
  if (/^(by|before|until|till|up to|no later than|as late as|at least as late as)$/.test(l)) return `../${e.split('/').pop()}`;
  if (/^(since|after)$/.test(l)) return `${e.split('/')[0]}/..`;
  if (/probably|possibly|perhaps/.test(l)) return e.includes('/') ? e : `${e}?`;
  return e;
}

/** True when `s` parses as EDTF. Never throws. */
export function isValidEdtf(s: string): boolean {
  const hit = edtfCache.get(s);
  if (hit !== undefined) return hit;
  let ok: boolean;
  try {
    parseEdtf(s);
    ok = true;
  } catch {
    ok = false;
  }
  if (edtfCache.size > 20000) edtfCache.clear();
  edtfCache.set(s, ok);
  return ok;
}
const edtfCache = new Map<string, boolean>();

/** Mutable context: the last absolute date seen, for relative expressions. */
export interface DateContext {
  last?: DateParts;
}

/**
 * Finds the date expressions of `text` (a sentence starting at `offset` in the document) in
 * order, updating `ctx.last`. Never throws.
 */
export function findDates(text: string, offset = 0, ctx: DateContext = {}): DateMention[] {
  const out: DateMention[] = [];
  if (text.length > 100000 || !MAYBE_DATE.test(text)) return out;
  MASTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASTER.exec(text)) !== null) {
    const whole = m[0];
    const before = text[m.index - 1] ?? '';
    const after = text[m.index + whole.length] ?? '';
    if (/[$£€\d,.]/.test(before) && !/[.,]\s?$/.test(text.slice(0, m.index)) ) continue;
    const after2 = text[m.index + whole.length + 1] ?? '';
    if (/^[\d%]/.test(after) || ((after === '.' || after === ',') && /\d/.test(after2))) continue;
    let e: string | undefined;
    let anchor: DateParts | undefined;
    let rel = false;
    if (m[1] !== undefined && m[2] !== undefined) {
      const a = single(m[1]);
      const b = single(m[2]);
      if (a && b) {
        e = `${a[0].split('/')[0]}/${b[0].split('/').pop()}`;
        anchor = a[1];
      }
    } else if (m[3] !== undefined && m[4] !== undefined) {
      const s = single(m[4]);
      if (s) {
        e = qualify(m[3], s[0]);
        anchor = s[1];
      }
    } else if (m[5] !== undefined) {
      if (/^\d{4}$/.test(m[5]) && /^[-–]\d/.test(text.slice(m.index + whole.length))) continue;
      const s = single(m[5]);
      if (s) [e, anchor] = s;
    } else if (m[6] !== undefined) {
      e = relative(m[6], ctx.last);
      rel = true;
    }
    if (!e || !isValidEdtf(e)) continue;
    if (anchor) ctx.last = anchor;
    out.push({ start: offset + m.index, end: offset + m.index + whole.length, text: whole, edtf: e, relative: rel, ...(anchor ? { anchor } : {}) });
  }
  return out;
}

/**
 * Normalises one date phrase ("late 2006", "by May 2002", "three days later") to EDTF, or null
 * when it is not a date. Relative phrases need `anchor`. Never throws.
 */
export function normalizeDate(phrase: string, anchor?: DateParts): string | null {
  if (typeof phrase !== 'string' || phrase.length > 200) return null;
  const ctx: DateContext = anchor ? { last: anchor } : {};
  const found = findDates(phrase.trim(), 0, ctx);
  const f = found[0];
  if (!f || f.start !== 0 || f.end !== phrase.trim().length) return null;
  return f.edtf;
}

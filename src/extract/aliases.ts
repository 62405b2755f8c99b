/**
 * Aliases inside a sentence: "Name (Alias)", "Name (ACR)", acronym expansions that span
 * connectors ("al-Qaeda in Mesopotamia (AQM)"), translated glosses, and "known as" / "a.k.a."
 * frames. Marks the alias mention's `aliasOf`; the resolver then puts both in one entity.
 */
import { ARTICLE_PREFIX } from './lexicon.js';
import type { Token } from './sentences.js';
import { namey, spanText, type Mention } from './spans.js';

/** Initial letters a token may contribute to an acronym. */
function initials(t: Token): string[] {
  const s = t.text.replace(/[“”"‘’]/g, '');
  if (!s) return [''];
  const art = ARTICLE_PREFIX.exec(s);
  if (art) {
    const core = s.slice(art[0].length);
    const c = core[0]?.toUpperCase() ?? '';
    return [c, art[0][0]!.toUpperCase() + c, ''];
  }
  if (/^(of|the|and|in|for|wa|al)$/i.test(s)) return ['', s[0]!.toUpperCase()];
  const parts = s.split(/[-‐]/).filter(Boolean);
  const whole = parts.map((q) => q[0]!.toUpperCase()).join('');
  return [s[0]!.toUpperCase(), whole];
}

/** Finds the start token of the expansion of `acr` ending just before token `end`, or -1. */
export function expansionStart(toks: Token[], end: number, acr: string): number {
  const target = acr.replace(/[^\p{Lu}\p{N}]/gu, '').toUpperCase();
  if (target.length < 2) return -1;
  // search backwards over at most 10 tokens, matching the acronym right-to-left
  let best = -1;
  const go = (k: number, rem: string, used: number): void => {
    if (rem === '') {
      const first = toks[k + 1]!;
      if (namey(first, k + 1, toks) || ARTICLE_PREFIX.test(first.text)) best = Math.max(best, k + 1);
      return;
    }
    if (k < 0 || used >= 10 || end - k > 12) return;
    const t = toks[k]!;
    if (t.kind === 'punct' && /[“”"]/.test(t.text)) return go(k - 1, rem, used);
    if (t.kind !== 'word') return;
    for (const ini of initials(t)) {
      if (ini === '' ) {
        if (!/^(of|the|and|in|for)$/i.test(t.text) && !ARTICLE_PREFIX.test(t.text)) continue;
        go(k - 1, rem, used + 1);
      } else if (rem.endsWith(ini)) go(k - 1, rem.slice(0, rem.length - ini.length), used + 1);
    }
  };
  go(end - 1, target, 0);
  return best;
}

/** Links "Name (Alias)", "Name (ACR)", "Name (Alias, Alias2)" inside a sentence. */
export function linkParentheticals(toks: Token[], ms: Mention[]): void {
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    if (toks[m.t1 - 1]?.kind === 'possessive') continue;
    if (toks[m.t0]?.lower !== undefined && toks[m.t0 - 1]?.text === '(') continue;
    let q = m.t1;
    if (toks[q]?.kind === 'possessive') continue;
    if (toks[q]?.text !== '(') {
      // IS(IS)-style tokens need nothing; quoted qualifier before an acronym: al-Qaeda “central” (AQC)
      continue;
    }
    // collect mentions inside the parentheses
    const close = toks.findIndex((t, idx) => idx > q && t.text === ')');
    if (close < 0 || close - q > 14) continue;
    const inner = ms.filter((x) => x.t0 > q && x.t1 <= close);
    if (inner.length > 0 && m.type === 'organization' && inner.every((x) => !x.strong && x.type === 'unknown')) {
      for (const x of inner) ms.splice(ms.indexOf(x), 1);
      inner.length = 0;
    }
    if (inner.length === 0) {
      // a title-case gloss after an organization is its translated name: "Jaysh al-Nur (Army of Light)"
      const words = toks.slice(q + 1, close);
      const caps = words.filter((w) => w.kind === 'word' && /^\p{Lu}/u.test(w.text)).length;
      const onlyTitle = words.every((w) => w.kind === 'word' && (/^\p{Lu}/u.test(w.text) || /^(of|the|and|for|in|al|wal)$/.test(w.lower)));
      if (m.type === 'organization' && caps >= 2 && onlyTitle && words.length <= 8) {
        const gloss: Mention = {
          t0: q + 1, t1: close, start: toks[q + 1]!.start, end: toks[close - 1]!.end, text: spanText(toks, q + 1, close),
          type: 'organization', strong: true, acronym: false, aliasOf: m, aliasKind: 'parenthetical',
        };
        const at = ms.findIndex((x) => x.t0 > q);
        if (at < 0) ms.push(gloss);
        else ms.splice(at, 0, gloss);
      }
      continue;
    }
    // everything inside must be names separated by commas/semicolons/"or"
    let ok = true;
    for (let t = q + 1; t < close; t++) {
      const inAny = inner.some((x) => t >= x.t0 && t < x.t1);
      if (!inAny && !/^(,|;|or|a\.k\.a\.|aka|also|alias)$/i.test(toks[t]!.text)) ok = false;
    }
    if (!ok) continue;
    const prevWord = toks[m.t0 - 1]?.lower ?? '';
    const renamed = /^(rebranded|renamed|new|later)$/.test(prevWord);
    for (const x of inner) {
      if (x.acronym) {
        if (m.type === 'person' || m.type === 'place') continue;
        const st = expansionStart(toks, m.t1, toks[x.t0]!.text);
        if (st < 0 && m.type !== 'organization') continue;
        if (m.type === 'unknown') m.type = 'organization';
        x.aliasOf = m;
        x.aliasKind = 'acronym';
        x.type = 'organization';
      } else if (!renamed) {
        if (m.type === 'place' || x.type === 'place') continue;
        if (m.type === 'organization' && x.type === 'person' && x.strong) continue;
        if (m.type === 'person' && x.type === 'organization') continue;
        x.aliasOf = m;
        x.aliasKind = 'parenthetical';
        if (x.type === 'unknown') x.type = m.type;
        if (m.type === 'unknown') m.type = x.type;
      }
    }
  }
  // Acronyms in parentheses whose expansion is not a single mention ("al-Qaeda in Mesopotamia (AQM)")
  for (let k = 0; k < ms.length; k++) {
    const x = ms[k]!;
    if (!x.acronym || x.aliasOf !== undefined) continue;
    if (toks[x.t0 - 1]?.text !== '(' || toks[x.t1]?.text !== ')') continue;
    const st = expansionStart(toks, x.t0 - 1, toks[x.t0]!.text);
    if (st < 0) continue;
    const covered = ms.filter((y) => y !== x && y.t0 >= st && y.t1 <= x.t0 - 1);
    const exp: Mention = {
      t0: st, t1: x.t0 - 1, start: toks[st]!.start, end: toks[x.t0 - 2]!.end, text: spanText(toks, st, x.t0 - 1),
      type: 'organization', strong: true, acronym: false,
    };
    if (covered.some((y) => y.type === 'person' && y.strong)) continue;
    // replace covered mentions by the expansion
    for (const y of covered) ms.splice(ms.indexOf(y), 1);
    const at = ms.indexOf(x);
    ms.splice(at, 0, exp);
    x.aliasOf = exp;
    x.aliasKind = 'acronym';
    x.type = 'organization';
    k = at + 1;
  }
}

/** "X, also known as Y", "X a.k.a. Y", "X, known as Y", "X, better known as Y", "X, whose real name is Y". */
export function linkKnownAs(toks: Token[], ms: Mention[]): void {
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k]!;
    const b = ms[k + 1]!;
    const between = toks.slice(a.t1, b.t0).filter((t) => t.text !== ',' && t.kind !== 'possessive').map((t) => t.lower.replace(/[“”"]/g, '')).filter(Boolean).join(' ');
    if (/^(?:(?:also|better|widely|commonly) )?(?:known as|called|nicknamed|a\.k\.a\.?|aka|alias|whose real name (?:is|was)|real name)$/.test(between) ||
        /^(?:(?:also|better) )?known by the (?:name|nom de guerre|kunya|alias) (?:of )?$/.test(between)) {
      if (a.type === 'place' || b.type === 'place') continue;
      if (b.aliasOf !== undefined) continue;
      b.aliasOf = a;
      b.aliasKind = 'known_as';
      if (b.type === 'unknown') b.type = a.type;
      if (a.type === 'unknown') a.type = b.type;
    }
  }
}

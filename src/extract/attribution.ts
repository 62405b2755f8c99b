/**
 * Attribution: who asserts or denies what a sentence reports. Reads the sentence skeleton for
 * reporting frames ("according to X", "in the telling of X", "X said/claimed/denied …",
 * "X quotes a letter from Y …") and returns the chain of transmission, outermost reporter first,
 * plus whether the frame denies.
 */
import type { Skeleton } from './skeleton.js';

/** A reporting frame found in a sentence. */
export interface Attribution {
  /** Entity ids, outermost reporter first; the last is the claimant. */
  readonly chain: string[];
  /** True when the frame itself denies ("X denied that …"). */
  readonly denies: boolean;
  /** Skeleton index where the frame starts (claims after it are in its scope). */
  readonly at: number;
  /** A speech frame that may follow what it reports ("…, X said"). */
  readonly postposable: boolean;
}

const SLOT = '(?:the )?⟦[po](\\d+)⟧';
const SAY = "(?:said|says|say|claimed|claims|claim|asserted|asserts|argued|argues|insisted|insists|maintained|maintains|stated|states|wrote|writes|reported|reports|alleged|alleges|admitted|admits|acknowledged|acknowledges|announced|announces|told|tells|explained|explains|recalled|recalls|remarked|noted|notes|added|put it|once put it|made the case|repeated|confirmed|confirms|believed|believes|contended|contends)";
const DENY = '(?:denied|denies|deny|rejected|rejects|reject|rejecting|disputed|disputes|dismissed|dismisses|refuted|refutes)';
const MEDIUM = '(?:letter|letters|message|statement|note|memo|speech|video|audio|recording|communiqué|communique|biography|book|report|interview)';

const FRAMES: ReadonlyArray<{ re: RegExp; deny?: boolean; chain?: boolean; post?: boolean }> = [
  { re: new RegExp(`${SLOT} (?:also |then |later |again )?(?:quotes|quoted|quoting|cites|cited|citing|reads|read out|publishes|published) (?:from )?(?:an? |the |one )?(?:[a-z-]+ ){0,3}${MEDIUM}(?: sent)? (?:from|by|of|written by) ${SLOT}`, 'g'), chain: true },
  { re: new RegExp(`${SLOT} (?:also |then |later |again )?(?:quotes|quoted|quoting|cites|cited|citing) ${SLOT}`, 'g'), chain: true },
  { re: new RegExp(`in the (?:telling|account|version|narrative|view|words|eyes) of ${SLOT}`, 'g') },
  { re: new RegExp(`(?:according to|as told by|in the view of|per) ${SLOT}`, 'g') },
  { re: new RegExp(`as ${SLOT} (?:tells it|has it|puts it|once put it|says|claims)`, 'g') },
  { re: new RegExp(`${SLOT}(?:, (?:however|though|for (?:its|his|their) part|in turn|meanwhile),)? (?:has |had |also |later |publicly |repeatedly |formally |once )?${DENY}\\b`, 'g'), deny: true, post: true },
  { re: new RegExp(`${SLOT}(?:, (?:however|though|for (?:its|his|their) part|in turn|meanwhile),)? (?:has |had |also |later |publicly |repeatedly |formally |once |would |will )?${SAY}\\b`, 'g'), post: true },
  { re: new RegExp(`${MEDIUM} (?:by|from) ${SLOT},? (?:where|in which) ⟦p\\d+⟧ (?:${SAY}|${DENY})`, 'g') },
  { re: new RegExp(`${SLOT}'s (?:[a-z-]+ ){0,2}${MEDIUM}`, 'g') },
];

/** The reporting frames of a sentence, in order of position. */
export function findAttributions(sk: Skeleton): Attribution[] {
  const out: Attribution[] = [];
  const seen = new Set<number>();
  for (const f of FRAMES) {
    f.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = f.re.exec(sk.text)) !== null) {
      if (seen.has(m.index)) continue;
      const ids = [m[1], m[2]].filter((x): x is string => x !== undefined).map((x) => sk.slots[Number(x)]?.entity).filter((x): x is string => !!x);
      if (!ids.length) continue;
      seen.add(m.index);
      out.push({ chain: f.chain ? ids : [ids[0]!], denies: !!f.deny, at: m.index, postposable: !!f.post });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Words that negate the proposition they stand in. */
export const NEGATION = /\b(?:not|never|no longer|n't|neither|nor|without)\b|n't\b/;

/**
 * General word lists the extractor reads: organization head nouns and Arabic group-name
 * prefixes, facility nouns, titles, Arabic name particles, regions and cities of the wider
 * region, months, and capitalised function words. Nothing here names a particular group or
 * person; the general English lexicon (countries, cities, demonyms, given names, common words)
 * comes from `compromise`'s word list.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { AMBIGUOUS_TITLES, ISMS, KUNYA_PREFIXES, LAQAB_MARKERS, NASAB_PARTICLES, TITLES as NAME_TITLES } from '../names/index.js';

/** Common Arabic given names (from the names module), lowercase. */
const GIVEN: ReadonlySet<string> = new Set(ISMS.filter((n) => !n.includes(' ')));

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Nouns that end or head an organization name ("… Front", "… Council", "… Army"). */
export const ORG_HEADS = set(`
  front state army armies brigade brigades council group groups network movement party organization organisation
  committee forces force government ministry agency service services nations union coalition emirate caliphate
  command battalion battalions division corps department treasury intelligence alliance league federation assembly
  commission authority bureau foundation institute militia militias faction brotherhood legion regiment company
  corporation directorate administration congress parliament senate court tribunal police guard guards mukhabarat
  office center centre association society cell cells unit units wing observatory monitor commission
`);

/** Words that open an Arabic (or Persian/Urdu) organization name ("Jabhat …", "Jaysh …"). */
export const ORG_PREFIXES = set(`
  jabhat jabha jamaat jamaah jamaa jamaʿat jamiat ansar jaysh jaish harakat harakah hizb kataib katibat katiba liwa
  jund asbat usbat majlis tanzim hayat hayʾat hay’at hay'at hilf imarat saraya ahrar faylaq lashkar tehrik tahreek sipah
  ittihad junud fursan
`);

/** Heads of named facilities, which are places ("… Embassy", "… Hotel"). */
export const FACILITY_HEADS = set(`
  embassy hotel mosque airport prison camp base hospital square bridge palace compound church school university
  stadium market street road highway province governorate district city village valley mountains river
`);

/** Words that open Arabic place names ("Ayn …" spring, "Wadi …" valley, "Deir …" monastery). */
export const ARABIC_PLACE_PREFIXES = set('ayn ain tal tell jabal jebel wadi bir ras deir dayr kafr kfar bab qasr hayy madinat marj khirbet nahr sahl');

/**
 * Titles and honorifics that may precede a person's name: English offices and ranks here, plus
 * the names module's titles that are not also given names or laqab markers ("Haji Bakr" keeps
 * its "Haji").
 */
export const TITLES: ReadonlySet<string> = new Set([
  ...set(`
  sheikh shaykh shaikh ayatollah grand imam mullah mawlana maulana emir caliph president king queen prince
  general gen colonel col major maj captain capt lieutenant lt sergeant sgt dr doctor professor prof mr mrs ms
  minister prime secretary senator judge commander chief ambassador mufti hojatoleslam
`),
  ...NAME_TITLES.filter((t) => !AMBIGUOUS_TITLES.includes(t) && !LAQAB_MARKERS.includes(t) && !['sharif', 'sherif', 'habib', 'hafiz', 'hafez', 'khalifa'].includes(t)),
]);

/** Arabic kunya openers ("Abu X", "Umm X"), from the names module. */
export const KUNYA: ReadonlySet<string> = new Set(KUNYA_PREFIXES);
/** Nasab particles ("bin", "ibn", "bint"), from the names module (one-letter abbreviations left out). */
export const NASAB: ReadonlySet<string> = new Set(NASAB_PARTICLES.filter((p) => p.length > 1));
/** Arabic article forms written as a hyphenated prefix ("al-", "ad-", "wal-"). */
export const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|at|az|an|ash|adh|ath|ud|ul|wal|wa|bil|lil)[-‐]/i;
/** Lowercase particles that may stand inside a person's name. */
export const NAME_LINKS = set('bin ibn bint ben de da del della di van von der le la du dos das');

/** Regions and cities of the wider region missing from the general lexicon. */
export const EXTRA_PLACES = set(`
  levant kurdistan mesopotamia caucasus maghreb sahel sinai gaza anbar diyala nineveh ninawa najaf karbala fallujah
  ramadi tikrit samarra kirkuk erbil basra raqqa idlib homs hama palmyra deraa daraa latakia kandahar kabul peshawar
  quetta abbottabad waziristan helmand sanaa aden mogadishu benghazi sirte derna zarqa irbid beirut tehran mashhad
  khorasan chechnya dagestan xinjiang hadramawt marib abyan kunar nangarhar jalalabad
  cairo damascus baghdad riyadh amman ankara istanbul kabul islamabad karachi lahore doha dubai muscat khartoum
  tripoli tunis algiers rabat nouakchott bamako niamey ndjamena abuja mogadishu nairobi jerusalem washington london
  paris moscow brussels berlin madrid rome geneva vienna kandahar herat mazar-i-sharif aleppo raqqa mosul
`);

/** Multi-word regions (lowercase, single spaces). */
export const EXTRA_PLACE_PHRASES = set(
  ['north_africa', 'east_africa', 'west_africa', 'middle_east', 'west_bank', 'horn_of_africa', 'arabian_peninsula', 'persian_gulf', 'gulf_states', 'east_timor'].join(' '),
);

/** Capitalised words that are never (part of) a name: religion, calendar, document structure. */
export const NOT_NAMES = set(`
  god allah prophet islam islamic-world muslim muslims christian christians jew jews jewish shia shiʿa shi’a shi'a shiite
  shiites sunni sunnis salafi salafist salafists jihadi jihadis jihadist jihadists quran koran internet update notes
  note postscript conclusion introduction pingback reply leave comments comment share tweet posted by see also
  monday tuesday wednesday thursday friday saturday sunday mujahideen ramadan eid hijri
`);

/** Sentence-initial capitalised function words that must not start a name. */
export const FUNCTION_CAPS = set(`
  a an the this that these those it its he his she her they their them we our i you your since when after before while
  once in on at by with for from of to as but and or so then thus although though because however meanwhile later
  earlier also both even instead according during until despite following under over among between within without
  into through what who whom which where how why there here all some many most several each every no not if yet still
  now today first finally additionally interestingly perhaps contrary below above again only just such other another
  more less much few one two three four five six seven eight nine ten upon whether while whereas therefore hence
  indeed moreover furthermore nevertheless nonetheless unlike like about around against toward towards via per
  early late mid
`);

/** Month names and abbreviations to month numbers. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4], ['may', 5],
  ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9],
  ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

const LEX = ((nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon ?? {}) as Record<string, string | string[]>;

/** Coarse class of a lowercase word from the general English lexicon. */
export type WordClass = 'place' | 'demonym' | 'given' | 'surname' | 'org' | 'month' | 'common' | 'unknown';

const classCache = new Map<string, WordClass>();

/** Classifies a lowercase word (or lowercase phrase) using the general lexicon and the lists above. */
export function wordClass(lower: string): WordClass {
  const hit = classCache.get(lower);
  if (hit) return hit;
  let c: WordClass = 'unknown';
  const key = lower.replace(/_/g, ' ');
  if (MONTHS.has(key) && key.length > 3) c = 'month';
  else if (GIVEN.has(key)) c = 'given';
  else if (EXTRA_PLACES.has(key) || EXTRA_PLACE_PHRASES.has(key.replace(/ /g, '_'))) c = 'place';
  else {
    const t = LEX[key];
    const tags = t === undefined ? [] : Array.isArray(t) ? t : [t];
    if (tags.some((x) => x === 'Country' || x === 'City' || x === 'Region' || x === 'Place')) c = 'place';
    else if (tags.includes('Demonym')) c = 'demonym';
    else if (tags.some((x) => x === 'MaleName' || x === 'FemaleName' || x === 'FirstName' || x === 'Person')) c = 'given';
    else if (tags.includes('LastName')) c = 'surname';
    else if (tags.includes('Organization')) c = 'org';
    else if (tags.includes('Month')) c = 'month';
    else if (tags.length > 0) c = 'common';
    else if (/^[a-z]+(?:ly|ing|tion|tions|ment|ments|ness|ities|ity|ism|isms|ed|ive)$/.test(key) && key.length > 5) c = 'common';
  }
  if (classCache.size < 100000) classCache.set(lower, c);
  return c;
}

/** True for a demonym or a word formed like one ("Iraqi", "Syrian", "Jordanians"). */
export function isDemonym(lower: string): boolean {
  const c = wordClass(lower);
  if (c === 'demonym') return true;
  const sing = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  return sing !== lower && wordClass(sing) === 'demonym';
}

let english: ReadonlySet<string> | undefined;
/**
 * True for a lowercase word of the general English word list (an-array-of-english-words) that is
 * not also a given name, surname or place. Loaded on first use.
 */
export function isEnglishWord(lower: string): boolean {
  if (!english) {
    try {
      const words = createRequire(import.meta.url)('an-array-of-english-words') as string[];
      english = new Set(words);
    } catch {
      english = new Set();
    }
  }
  if (!english.has(lower)) return false;
  const c = wordClass(lower);
  return c !== 'given' && c !== 'surname' && c !== 'place' && c !== 'demonym';
}

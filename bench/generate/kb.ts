/**
 * A deterministic, seeded generator of synthetic knowledge bases for the benchmarks: people
 * with 3–6 Arabic-style names, organizations in families that rename, merge, split and declare
 * over decades, places, sources with authors, and claims over the whole vocabulary with EDTF
 * dates (some approximate or uncertain, seasons, open-ended intervals for states), attribution
 * chains and quoted evidence. About 5% of propositions are disputed: the same proposition
 * asserted and denied by different claimants, half of them grouped under an explicit dispute.
 *
 * Entities, sources and perspectives come first as one `Dataset`; claims (with the disputes
 * they join) follow in chunks, so the 10M size never holds all claims at once.
 */
import type { AttributionLink, Claim, Dataset, Dispute, Entity, Evidence, Name, Perspective, Source } from '../../src/core/model.js';
import type { NameKind, Predicate } from '../../src/core/vocabulary.js';
import { Rng } from './prng.js';
import { ISMS, KUNYA_STEMS, LAQABS, NISBAS, ORG_CORES, ORG_PREFIXES, ORG_REGIONS, PLACES, PSEUDONYMS, respell, spell } from './name-parts.js';

export interface KbSize {
  readonly name: string;
  readonly people: number;
  readonly orgs: number;
  readonly places: number;
  readonly sources: number;
  readonly claims: number;
}

export const SIZES = {
  small: { name: 'small', people: 20_000, orgs: 2_000, places: 300, sources: 2_000, claims: 100_000 },
  default: { name: 'default', people: 200_000, orgs: 20_000, places: 1_000, sources: 20_000, claims: 1_000_000 },
  large: { name: 'large', people: 2_000_000, orgs: 200_000, places: 5_000, sources: 200_000, claims: 10_000_000 },
  tiny: { name: 'tiny', people: 300, orgs: 60, places: 20, sources: 40, claims: 2_000 },
} as const satisfies Record<string, KbSize>;

export type SizeName = keyof typeof SIZES;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const personId = (i: number) => `p${pad(i, 7)}`;
export const orgId = (i: number) => `o${pad(i, 6)}`;
export const placeId = (i: number) => `l${pad(i, 5)}`;
export const sourceId = (i: number) => `s${pad(i, 6)}`;
export const claimId = (i: number) => `c${pad(i, 8)}`;

const DAY = 86_400_000;
/** First and last day the generator dates things on: 1979-01-01 .. 2020-12-31. */
const DAY_LO = Math.floor(Date.UTC(1979, 0, 1) / DAY);
const DAY_HI = Math.floor(Date.UTC(2020, 11, 31) / DAY);

function ymd(day: number): [string, string, string] {
  const d = new Date(day * DAY);
  return [String(d.getUTCFullYear()), pad(d.getUTCMonth() + 1, 2), pad(d.getUTCDate(), 2)];
}

/** One end of a date as EDTF: a day, month, year or season, sometimes approximate or uncertain. */
function edtfPoint(rng: Rng, day: number): string {
  const [y, m, d] = ymd(day);
  const r = rng.next();
  let s: string;
  if (r < 0.3) s = `${y}-${m}-${d}`;
  else if (r < 0.65) s = `${y}-${m}`;
  else if (r < 0.85) s = y;
  else return `${y}-${21 + Math.floor((Number(m) - 1) / 3) + (rng.chance(0.5) ? 12 : 0)}`; // seasons 21–24 or quarters 33–36 (never qualified)
  const q = rng.next();
  if (q < 0.1) s += '~';
  else if (q < 0.15) s += '?';
  return s;
}

/** A state's interval: bounded, open at either end, or with an unknown end. */
function edtfInterval(rng: Rng, from: number, to: number): string {
  const r = rng.next();
  if (r < 0.08) return `../${edtfPoint(rng, to)}`;
  if (r < 0.18) return `${edtfPoint(rng, from)}/..`;
  if (r < 0.22) return `${edtfPoint(rng, from)}/`;
  const a = edtfPoint(rng, from);
  let b = edtfPoint(rng, to);
  // Keep start ≤ end even when precision widens the start (compare years only; equal years use the start's precision).
  if (b.slice(0, 4) <= a.slice(0, 4)) b = a.replace(/[~?]$/, '').slice(0, 4);
  if (a.slice(0, 4) === b && !/^\d{4}$/.test(a.replace(/[~?]$/, ''))) return `${a}/${String(Number(b) + 1)}`;
  return `${a}/${b}`;
}

export interface Family {
  readonly members: readonly number[];
  /** Year the oldest form was founded. */
  readonly founded: number;
}

export interface GeneratedKb {
  readonly size: KbSize;
  readonly seed: number;
  /** Sources, entities, perspectives (no claims). */
  readonly base: Dataset;
  readonly families: readonly Family[];
  /** Claims in chunks of `chunk`, each with the disputes its claims join. */
  claimChunks(chunk?: number): Generator<Dataset>;
}

interface PersonDraft { readonly ism: string[]; readonly names: Name[]; readonly canonical: string }

function personNames(rng: Rng, src: () => string): { canonical: string; names: Name[] } {
  const ism = rng.zipf(ISMS, 1.8);
  const father = rng.zipf(ISMS, 1.6);
  const grand = rng.zipf(ISMS, 1.4);
  const family = rng.zipf(NISBAS, 1.3);
  const origin = rng.zipf(NISBAS, 1.5);
  const stem = rng.zipf(KUNYA_STEMS, 1.5);
  const sources = () => [src()];
  const real = rng.chance(0.3)
    ? `${spell(rng, ism)} bin ${spell(rng, father)} ${spell(rng, family)}`
    : `${spell(rng, ism)} ${spell(rng, father)}${rng.chance(0.5) ? ` ${spell(rng, grand)}` : ''} ${spell(rng, family)}`;
  const kunya = `Abu ${spell(rng, stem)} ${spell(rng, origin)}`;
  const names: Name[] = [
    { name: real, kind: 'real_name', sources: sources() },
    { name: kunya, kind: 'kunya', sources: sources() },
  ];
  const extras: [NameKind, () => string][] = [
    ['transliteration', () => respell(rng, real)],
    ['nisba', () => spell(rng, origin, 0.5)],
    ['laqab', () => rng.pick(LAQABS).replace('{ism}', ism[0]!)],
    ['short_form', () => spell(rng, family, 0.5)],
    ['alias', () => `Abu ${spell(rng, stem, 0.5)}`],
    ['pseudonym', () => rng.pick(PSEUDONYMS)],
    ['transliteration', () => respell(rng, kunya)],
  ];
  const want = rng.int(1, 4);
  const seen = new Set(names.map((n) => n.name));
  for (let tries = 0; names.length < 2 + want && tries < 12; tries++) {
    const [kind, make] = rng.pick(extras);
    const name = make();
    if (seen.has(name)) continue;
    seen.add(name);
    names.push({ name, kind, sources: sources() });
  }
  return { canonical: rng.chance(0.6) ? kunya : real, names };
}

function orgNames(rng: Rng, src: () => string): { canonical: string; names: Name[] } {
  const [pa, pe] = rng.zipf(ORG_PREFIXES, 1.3);
  const [ca, ce] = rng.zipf(ORG_CORES, 1.2);
  const [ra, re] = rng.zipf(ORG_REGIONS, 1.1);
  const arabic = `${pa} ${ca}${ra ? ` ${ra}` : ''}`;
  const english = `${pe} ${ce}${re ? ` ${re}` : ''}`;
  const acronym = arabic.split(/[\s-]+/).filter((w) => w.length > 2 && w !== 'al' && w !== 'fi' && w !== 'wal').map((w) => w[0]!.toUpperCase()).join('');
  const names: Name[] = [
    { name: arabic, kind: 'alias', sources: [src()] },
    { name: english, kind: 'alias', lang: 'en', sources: [src()] },
  ];
  if (acronym.length >= 2) names.push({ name: acronym, kind: 'acronym', sources: [src()] });
  if (rng.chance(0.4)) names.push({ name: arabic.replace('Jamaat', "Jama'at").replace(/\bal-/g, 'al '), kind: 'transliteration', sources: [src()] });
  return { canonical: rng.chance(0.5) ? english : arabic, names };
}

const QUOTE_VERBS = ['said that', 'reported that', 'wrote that', 'stated that', 'claimed that', 'recalled that', 'announced that', 'acknowledged that'];
const PREDICATE_PHRASES: Partial<Record<Predicate, string>> = {
  member_of: 'had joined the group', leader_of: 'was appointed its emir', deputy_of: 'served as deputy', spokesman_of: 'spoke for the group',
  representative_to: 'acted as its envoy', killed: 'was killed in a strike', arrested: 'was detained', imprisoned: 'was held in prison',
  released: 'was freed', located_in: 'was based in the area', related_to: 'was related by marriage', wrote_to: 'sent a letter',
  attacked: 'carried out the attack', supported: 'sent money and fighters', pledged_allegiance_to: 'gave bayat', accepted_pledge_of: 'accepted the pledge',
  renamed_to: 'took a new name', merged_into: 'merged into the larger body', split_from: 'broke away', declared: 'announced the new state',
  founded: 'established the group', branch_of: 'acted as a branch', expelled: 'was expelled', allied_with: 'fought alongside', fought: 'clashed with',
  dissolved: 'was disbanded', succeeded: 'took over the post', identified_as: 'was the same man',
};

type Template = readonly [Predicate, number];
/** Claim mix (weights) for the bulk of claims; lineage comes from the families. */
const MIX: readonly Template[] = [
  ['member_of', 24], ['leader_of', 3], ['deputy_of', 2], ['spokesman_of', 1], ['representative_to', 1], ['killed', 2], ['arrested', 2],
  ['imprisoned', 2], ['released', 1.5], ['located_in', 10], ['related_to', 3], ['wrote_to', 5], ['attacked', 9], ['supported', 4],
  ['pledged_allegiance_to', 3.5], ['accepted_pledge_of', 1], ['identified_as', 0.5], ['succeeded', 1], ['founded', 0.5], ['fought', 4],
  ['allied_with', 3], ['branch_of', 2], ['expelled', 0.5], ['dissolved', 0.3], ['same_as', 0.1], ['distinct_from', 0.1],
];
const MIX_TOTAL = MIX.reduce((n, [, w]) => n + w, 0);

/** Generates the knowledge base of a size with a seed; same inputs, same output. */
export function generateKb(sizeOrName: KbSize | SizeName, seed = 20_161_101): GeneratedKb {
  const size: KbSize = typeof sizeOrName === 'string' ? SIZES[sizeOrName] : sizeOrName;
  const root = new Rng(seed);
  const rngEnt = root.fork(1);
  const authors = Math.max(10, Math.floor(size.people / 100));
  const authorIds = Array.from({ length: authors }, (_, i) => personId(size.people - 1 - i));
  const srcRng = root.fork(2);
  const anySource = () => sourceId(srcRng.skewed(size.sources, 1.4));

  const sources: Source[] = [];
  const kinds = ['article', 'speech', 'letter', 'book', 'report', 'statement', 'video', 'web'] as const;
  for (let i = 0; i < size.sources; i++) {
    const kind = srcRng.pick(kinds);
    const day = srcRng.int(DAY_LO + 365 * 5, DAY_HI);
    const [y, m] = ymd(day);
    const author = srcRng.pick(authorIds);
    sources.push({
      id: sourceId(i),
      kind,
      title: `${kind === 'letter' ? 'Letter' : kind === 'speech' ? 'Speech' : 'Report'} no. ${i} on the armed movements, ${y}`,
      author: `Author ${author}`,
      authorEntity: author,
      date: srcRng.chance(0.7) ? `${y}-${m}` : y,
      url: `https://example.org/sources/${i}`,
    });
  }

  const entities: Entity[] = [];
  for (let i = 0; i < size.people; i++) {
    const { canonical, names } = personNames(rngEnt, anySource);
    entities.push({ id: personId(i), type: 'person', canonical, names });
  }
  const orgCanon: string[] = [];
  for (let i = 0; i < size.orgs; i++) {
    const { canonical, names } = orgNames(rngEnt, anySource);
    orgCanon.push(canonical);
    entities.push({ id: orgId(i), type: 'organization', canonical, names });
  }
  for (let i = 0; i < size.places; i++) {
    const base = PLACES[i % PLACES.length]!;
    const name = i < PLACES.length ? base : `${base} district ${Math.floor(i / PLACES.length)}`;
    entities.push({ id: placeId(i), type: 'place', canonical: name, names: [{ name, kind: 'alias', sources: [anySource()] }] });
  }

  // Organization families: successive forms over the decades.
  const famRng = root.fork(3);
  const families: Family[] = [];
  for (let i = 0; i < size.orgs; ) {
    const n = Math.min(size.orgs - i, famRng.int(2, 8));
    families.push({ members: Array.from({ length: n }, (_, k) => i + k), founded: famRng.int(1980, 2012) });
    i += n;
  }
  const familyOf = new Int32Array(size.orgs);
  families.forEach((f, fi) => f.members.forEach((m) => (familyOf[m] = fi)));

  const perspectives: Perspective[] = families.slice(0, Math.min(300, families.length)).map((f, i) => ({
    id: `persp-${i}`,
    label: `as ${orgCanon[f.members[0]!]} tells it`,
    claimants: f.members.map(orgId),
  }));

  const base: Dataset = { sources, entities, claims: [], perspectives, disputes: [] };

  function* claimChunks(chunk = 50_000): Generator<Dataset> {
    const rng = root.fork(4);
    let claims: Claim[] = [];
    let disputes: Dispute[] = [];
    let nClaims = 0;
    let nDisputes = 0;
    const recordedAt = '2024-01-01T00:00:00.000Z';
    const person = () => rng.skewed(size.people - authors, 1.3);
    const org = () => rng.skewed(size.orgs, 1.5);
    const place = () => rng.skewed(size.places, 1.2);

    const evidenceFor = (p: Predicate, src: string): Evidence[] => {
      const ev: Evidence[] = [{ source: src, quote: `The source ${rng.pick(QUOTE_VERBS)} he ${PREDICATE_PHRASES[p] ?? 'was involved'}.`, locator: rng.chance(0.5) ? { page: String(rng.int(1, 400)) } : { start: rng.int(0, 5000) * 10, end: rng.int(501, 5500) * 10 } }];
      if (rng.chance(0.1)) ev.push({ source: anySource(), quote: `A second account ${rng.pick(QUOTE_VERBS)} this happened.` });
      return ev;
    };
    /** Attribution: the source's author, or an organization or person quoted by it. */
    const attributionFor = (src: string, subject: string, object: string | undefined, voice?: string): AttributionLink[] => {
      const author = sources[Number(src.slice(1))]!.authorEntity!;
      if (voice) return [{ entity: author, source: src }, { entity: voice, via: 'statement', date: edtfPoint(rng, rng.int(DAY_LO, DAY_HI)).replace(/[~?]$/, '') }];
      const r = rng.next();
      const orgVoice = subject.startsWith('o') ? subject : object?.startsWith('o') ? object : undefined;
      if (r < 0.6 || !orgVoice) return [{ entity: author, source: src }];
      if (r < 0.9) return [{ entity: author, source: src }, { entity: orgVoice, via: rng.pick(['statement', 'speech', 'magazine', 'video']) }];
      return [{ entity: author }, { source: anySource(), via: 'letter' }, { entity: subject }];
    };
    const rival = (voice: string): string => {
      for (let i = 0; i < 5; i++) {
        const o = orgId(org());
        if (o !== voice) return o;
      }
      return authorIds[0]!;
    };

    const emit = (subject: string, predicate: Predicate, object: string | undefined, time: string | undefined, note?: string) => {
      const src = anySource();
      const disputed = rng.chance(0.05);
      const dispute = disputed && rng.chance(0.5) ? `d${pad(nDisputes++, 7)}` : undefined;
      const base: Omit<Claim, 'id' | 'stance' | 'attribution' | 'evidence' | 'status'> = {
        subject,
        predicate,
        ...(object ? { object } : {}),
        ...(time ? { time } : {}),
        ...(rng.chance(0.3) ? { confidence: Math.round(rng.next() * 50 + 50) / 100 } : {}),
        ...(dispute ? { dispute } : {}),
        ...(note ? { note } : {}),
        recordedBy: 'generator',
        recordedAt,
      };
      const status = () => (rng.chance(0.9) ? 'accepted' : rng.chance(0.8) ? 'candidate' : 'rejected') as Claim['status'];
      if (dispute) disputes.push({ id: dispute, question: `Did ${subject} ${predicate.replace(/_/g, ' ')} ${object ?? ''}${time ? ` (${time})` : ''}?` });
      const first = attributionFor(src, subject, object);
      claims.push({ ...base, id: claimId(nClaims++), stance: 'asserts', attribution: first, evidence: evidenceFor(predicate, src), status: status() });
      if (disputed) {
        const voice = rival(first[first.length - 1]?.entity ?? '');
        const src2 = anySource();
        claims.push({ ...base, id: claimId(nClaims++), stance: 'denies', attribution: attributionFor(src2, subject, object, voice), evidence: evidenceFor(predicate, src2), status: 'accepted' });
        if (rng.chance(0.3)) {
          const src3 = anySource();
          claims.push({ ...base, id: claimId(nClaims++), stance: 'asserts', attribution: attributionFor(src3, subject, object, rival(voice)), evidence: evidenceFor(predicate, src3), status: 'accepted' });
        }
      }
    };
    const flush = function* (force: boolean): Generator<Dataset> {
      if (claims.length >= chunk || (force && claims.length)) {
        yield { sources: [], entities: [], claims, perspectives: [], disputes };
        claims = [];
        disputes = [];
      }
    };
    const eventDay = () => rng.int(DAY_LO, DAY_HI);
    const stateTime = (undated = 0.04) => {
      if (rng.chance(undated)) return undefined;
      const from = rng.int(DAY_LO, DAY_HI - 400);
      return edtfInterval(rng, from, Math.min(DAY_HI, from + rng.int(60, 365 * 8)));
    };
    const eventTime = (undated = 0.04) => (rng.chance(undated) ? undefined : edtfPoint(rng, eventDay()));

    // Lineage of each family: founding, then renames, mergers, declarations and splits.
    for (const f of families) {
      if (nClaims >= size.claims) break;
      let year = f.founded;
      const first = f.members[0]!;
      emit(personId(person()), 'founded', orgId(first), edtfPoint(rng, Math.floor(Date.UTC(year, rng.int(0, 11), rng.int(1, 28)) / DAY)));
      for (let k = 1; k < f.members.length; k++) {
        year = Math.min(2020, year + rng.int(1, 4));
        const t = edtfPoint(rng, Math.floor(Date.UTC(year, rng.int(0, 11), rng.int(1, 28)) / DAY));
        const prev = orgId(f.members[k - 1]!);
        const cur = orgId(f.members[k]!);
        const r = rng.next();
        if (r < 0.5) emit(prev, 'renamed_to', cur, t);
        else if (r < 0.65) emit(prev, 'merged_into', cur, t);
        else if (r < 0.75) emit(prev, 'declared', cur, t);
        else emit(cur, 'split_from', orgId(f.members[rng.int(0, k - 1)]!), t);
        yield* flush(false);
      }
    }
    // Everything else, by the mix.
    while (nClaims < size.claims) {
      const p = rng.weighted(MIX, MIX_TOTAL);
      const P = () => personId(person());
      const O = () => orgId(org());
      switch (p) {
        case 'member_of': case 'leader_of': case 'deputy_of': case 'spokesman_of': case 'representative_to': case 'supported':
          emit(P(), p, O(), stateTime()); break;
        case 'killed': case 'arrested':
          emit(P(), p, rng.chance(0.5) ? O() : undefined, eventTime()); break;
        case 'imprisoned': emit(P(), p, undefined, stateTime()); break;
        case 'released': emit(P(), p, undefined, eventTime()); break;
        case 'located_in': emit(rng.chance(0.7) ? P() : O(), p, placeId(place()), stateTime()); break;
        case 'related_to': emit(P(), p, P(), stateTime(0.5), rng.pick(['brother-in-law', 'cousin', 'brother', 'father-in-law'])); break;
        case 'wrote_to': case 'succeeded': case 'identified_as': case 'same_as': case 'distinct_from': emit(P(), p, P(), eventTime()); break;
        case 'attacked': emit(O(), p, rng.chance(0.7) ? placeId(place()) : O(), eventTime(0.02)); break;
        case 'pledged_allegiance_to': emit(rng.chance(0.5) ? P() : O(), p, O(), eventTime()); break;
        case 'accepted_pledge_of': emit(O(), p, rng.chance(0.5) ? P() : O(), eventTime()); break;
        case 'founded': emit(P(), p, O(), eventTime()); break;
        case 'fought': case 'allied_with': emit(O(), p, O(), stateTime()); break;
        case 'branch_of': {
          const a = org();
          const b = families[Math.max(0, familyOf[a]! - 1 - rng.int(0, 20))]!.members[0]!;
          emit(orgId(a), p, orgId(b === a ? (a + 1) % size.orgs : b), stateTime());
          break;
        }
        case 'expelled': emit(O(), p, rng.chance(0.7) ? O() : P(), eventTime()); break;
        case 'dissolved': emit(O(), p, undefined, eventTime()); break;
        default: emit(P(), 'member_of', O(), stateTime());
      }
      yield* flush(false);
    }
    yield* flush(true);
  }

  return { size, seed, base, families, claimChunks };
}

/** The whole knowledge base as one dataset (for small sizes and tests). */
export function generateDataset(sizeOrName: KbSize | SizeName, seed?: number): Dataset {
  const kb = generateKb(sizeOrName, seed);
  const claims: Claim[] = [];
  const disputes: Dispute[] = [];
  for (const c of kb.claimChunks(100_000)) {
    for (const x of c.claims) claims.push(x);
    for (const d of c.disputes) disputes.push(d);
  }
  return { ...kb.base, claims, disputes };
}

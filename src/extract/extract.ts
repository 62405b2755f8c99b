/**
 * The extraction pipeline: plain text in, entities and candidate claims out. Pure: no store,
 * file or network access. Two passes over the sentences: the first finds mentions and groups
 * them into entities (so types and short references are decided with the whole document in
 * view), the second finds dates, relations and attribution.
 */
import type { EntityType, Predicate, Stance } from '../core/vocabulary.js';
import { findDates, type DateContext } from './dates.js';
import { decode, type DecodeOptions, type InputFormat } from './decode.js';
import { EntityResolver, type ExtractedEntity, type KnownEntity } from './entities.js';
import { findMentions, type Mention } from './mentions.js';
import { findRelations } from './relations.js';
import { splitSentences, tokenize, type Sentence, type Token } from './sentences.js';
import { buildSkeleton, type PronounContext } from './skeleton.js';

export type { ExtractedEntity, KnownEntity } from './entities.js';

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** Warm mode: entities already in the store to link mentions against. */
  readonly known?: readonly KnownEntity[];
}

/** Evidence of a claim: a span of the decoded text and the exact substring. */
export interface ExtractedEvidence {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/** A candidate claim. */
export interface ExtractedClaim {
  readonly predicate: Predicate;
  readonly subject: string;
  readonly object: string | null;
  /** EDTF, or null when no date was found. */
  readonly time: string | null;
  /** `sentence` when the date stands in the evidence, `context` when taken from an earlier sentence. */
  readonly timeFrom: 'sentence' | 'context' | null;
  readonly stance: Stance;
  /** Reporters of the claim, outermost first; empty means the document's author. */
  readonly attributedTo: string[];
  readonly evidence: ExtractedEvidence;
}

/** What {@link extract} returns (the shape `isnad extract --format json` prints). */
export interface ExtractResult {
  readonly entities: ExtractedEntity[];
  readonly claims: ExtractedClaim[];
}

class Recent implements PronounContext {
  private persons: string[] = [];
  private orgs: string[] = [];
  private salient: Array<{ id: string; at: number }> = [];
  private sentence = 0;
  /** Marks the start of a new sentence (salience fades after two sentences). */
  tick(): void {
    this.sentence++;
  }
  /** Records organizations used as arguments of a claim. */
  argued(ids: string[]): void {
    for (const id of ids) {
      this.salient = this.salient.filter((x) => x.id !== id);
      this.salient.unshift({ id, at: this.sentence });
    }
  }
  salientOrgs(): string[] {
    return this.salient.filter((x) => this.sentence - x.at <= 2 && this.orgs.includes(x.id)).map((x) => x.id).slice(0, 2);
  }
  constructor(private readonly canon: (id: string) => string) {}
  recentPersons(): string[] {
    return this.persons.slice(0, 2);
  }
  recentOrgs(): string[] {
    return this.orgs.slice(0, 2);
  }
  saw(entity: string, type: EntityType): void {
    const id = this.canon(entity);
    const list = type === 'person' ? this.persons : type === 'organization' ? this.orgs : undefined;
    if (!list) return;
    const i = list.indexOf(id);
    if (i >= 0) list.splice(i, 1);
    list.unshift(id);
    if (list.length > 8) list.pop();
  }
}

/**
 * Extracts entities and candidate claims from plain text (already decoded; see
 * {@link extractDocument} for bytes, Markdown and HTML). Never throws on any string; an empty
 * or wordless text gives an empty result. Evidence offsets index `text`.
 */
export function extract(text: string, opts: ExtractOptions = {}): ExtractResult {
  if (typeof text !== 'string' || text.trim() === '') return { entities: [], claims: [] };
  const resolver = new EntityResolver(opts.known ?? []);
  const sentences = splitSentences(text);
  const parsed: Array<{ s: Sentence; toks: Token[]; ms: Mention[] }> = [];
  for (const s of sentences) {
    const toks = tokenize(text, s.start, s.end);
    const ms = findMentions(toks, s.headline);
    resolver.add(ms, toks, s.headline);
    parsed.push({ s, toks, ms });
  }
  const entities = resolver.finish();
  const kept = new Map(entities.map((e) => [e.id, e] as const));
  const canon = (id: string) => resolver.canonicalId(id);
  const typeOf = (id: string): EntityType | undefined => kept.get(canon(id))?.type;
  const recent = new Recent(canon);
  const dctx: DateContext = {};
  const claims: ExtractedClaim[] = [];
  const seen = new Set<string>();
  let lastPara = -1;
  let paraDate: string | undefined;
  for (const { s, toks, ms } of parsed) {
    if (s.paragraph !== lastPara) {
      lastPara = s.paragraph;
      paraDate = undefined;
    }
    recent.tick();
    const dates = findDates(s.text, s.start, dctx);
    const sk = buildSkeleton(text, s, toks, ms, typeOf, recent);
    if (!s.headline && sk.slots.length > 0) {
      for (const c of findRelations(sk, { text, dates, ...(paraDate ? { contextDate: paraDate } : {}) })) {
        const subject = canon(c.subject);
        const object = c.object === null ? null : canon(c.object);
        if (!kept.has(subject) || (object !== null && !kept.has(object))) continue;
        const attributedTo = [...new Set(c.attributedTo.map(canon).filter((id) => kept.has(id)))];
        // one candidate per proposition, claimant and stance: a repeat adds no new claim to review
        const key = `${c.predicate}|${subject}|${object ?? ''}|${c.stance}|${attributedTo.join('>')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        recent.argued([subject, ...(object !== null ? [object] : [])].filter((id) => kept.get(id)?.type === 'organization'));
        claims.push({
          predicate: c.predicate, subject, object, time: c.time, timeFrom: c.timeFrom, stance: c.stance,
          attributedTo,
          evidence: { start: c.start, end: c.end, quote: text.slice(c.start, c.end) },
        });
      }
    }
    const lastDate = dates.filter((d) => !d.relative).pop() ?? dates[dates.length - 1];
    if (lastDate) paraDate = lastDate.edtf;
  }
  return { entities, claims };
}

/** Decodes a document (bytes or string; text, Markdown or HTML) and extracts from its text. */
export function extractDocument(
  input: Uint8Array | string,
  opts: DecodeOptions & ExtractOptions = {},
): ExtractResult & { readonly text: string; readonly format: InputFormat } {
  const { text, format } = decode(input, opts);
  return { ...extract(text, opts), text, format };
}

/**
 * The sources a read model's views cite: as many as fit read at its build, the rest read from
 * the store on first use, and kept. Sources carry their documents' text, so the cache is
 * bounded by the text it holds and starts over when it is full.
 */
import type { Source } from '../../core/model.js';

/** Characters of source text held before the cache starts over (about 64 MB). */
const TEXT_LIMIT = 32_000_000;

export class SourceCache {
  private readonly known = new Map<string, Source | null>();
  private chars = 0;
  /** Counts {@link forget} calls, so a read under way can tell that one came meanwhile. */
  private forgotten = 0;

  /** Sources by id, each once, in the order asked, missing ones left out; `read` returns the stored sources among the ids it is given. */
  get(ids: readonly string[], read: (ids: readonly string[]) => Source[]): Source[] {
    const unique = [...new Set(ids)];
    const missing = this.missing(unique);
    if (missing.length) this.remember(missing, read(missing));
    return this.held(unique);
  }

  /**
   * {@link get} with a reader that answers later (a store behind a network). When a source is
   * forgotten while the read is under way (it was written meanwhile), what was read may be older
   * than the write: it is returned but not kept.
   */
  async getLater(ids: readonly string[], read: (ids: readonly string[]) => Promise<Source[]>): Promise<Source[]> {
    const unique = [...new Set(ids)];
    const missing = this.missing(unique);
    if (missing.length === 0) return this.held(unique);
    const forgotten = this.forgotten;
    const found = await read(missing);
    if (this.forgotten === forgotten) {
      this.remember(missing, found);
      return this.held(unique);
    }
    const fresh = new Map(found.map((s) => [s.id, s]));
    return unique.flatMap((id) => fresh.get(id) ?? this.known.get(id) ?? []);
  }

  /** A held source, null when it is known not to exist, undefined when it would take a read. */
  atHand(id: string): Source | null | undefined {
    return this.known.get(id);
  }

  private missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.known.has(id));
  }

  /** Keeps what was read for these ids, a missing source as known to be missing. */
  private remember(ids: readonly string[], read: readonly Source[]): void {
    if (this.chars > TEXT_LIMIT) this.clear();
    const found = new Map(read.map((s) => [s.id, s]));
    for (const id of ids) {
      const s = found.get(id);
      this.known.set(id, s ?? null);
      this.chars += s?.text?.length ?? 0;
    }
  }

  private held(ids: readonly string[]): Source[] {
    return ids.flatMap((id) => this.known.get(id) ?? []);
  }

  /**
   * Holds these sources ahead of use (a read model's build), as long as their text fits;
   * returns false once it does not, and the rest are read on first use.
   */
  fill(sources: readonly Source[]): boolean {
    for (const s of sources) {
      const chars = s.text?.length ?? 0;
      if (this.chars + chars > TEXT_LIMIT) return false;
      this.forget(s.id);
      this.known.set(s.id, s);
      this.chars += chars;
    }
    return true;
  }

  /** Drops one source (it was written): the next `get` reads it again. */
  forget(id: string): void {
    this.forgotten++;
    const s = this.known.get(id);
    this.chars -= s?.text?.length ?? 0;
    this.known.delete(id);
  }

  private clear(): void {
    this.known.clear();
    this.chars = 0;
  }
}

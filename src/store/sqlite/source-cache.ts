/**
 * The sources a read model's views cite: as many as fit read at its build, the rest read from
 * the file on first use, and kept. Sources carry their documents' text, so the cache is
 * bounded by the text it holds and starts over when it is full.
 */
import type { Source } from '../../core/model.js';

/** Characters of source text held before the cache starts over (about 64 MB). */
const TEXT_LIMIT = 32_000_000;

export class SourceCache {
  private readonly known = new Map<string, Source | null>();
  private chars = 0;

  /** `read` returns the stored sources among the ids it is given. */
  constructor(private readonly read: (ids: readonly string[]) => Source[]) {}

  /** Sources by id, ordered by id, missing ones left out. */
  get(ids: readonly string[]): Source[] {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.known.has(id));
    if (missing.length) {
      if (this.chars > TEXT_LIMIT) this.clear();
      const found = new Map(this.read(missing).map((s) => [s.id, s]));
      for (const id of missing) {
        const s = found.get(id);
        this.known.set(id, s ?? null);
        this.chars += s?.text?.length ?? 0;
      }
    }
    return unique.flatMap((id) => this.known.get(id) ?? []);
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
    const s = this.known.get(id);
    this.chars -= s?.text?.length ?? 0;
    this.known.delete(id);
  }

  private clear(): void {
    this.known.clear();
    this.chars = 0;
  }
}

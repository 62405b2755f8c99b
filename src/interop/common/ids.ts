/**
 * Deterministic identifiers for exported records: a UUIDv5 over a fixed isnad namespace and the
 * record's kind and id, so the same record gets the same id in every export (re-exports are
 * byte-stable, and a consumer can merge two exports).
 */
import { v5 as uuidv5 } from 'uuid';

/** The isnad namespace for UUIDv5 (itself `uuidv5('https://isnad.invalid/ns', uuid.URL)`, fixed forever). */
export const ISNAD_NAMESPACE = '5a8d6b6d-9cfb-590d-bfb1-4ab7e7429e42';

/** A stable UUID for a record of a kind (`entity`, `claim`, `source`, `dispute` …). */
export function stableUuid(kind: string, id: string): string {
  return uuidv5(`${kind}:${id}`, ISNAD_NAMESPACE);
}

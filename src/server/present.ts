/** Server-side shapes on top of `app/present.ts`: the same citations, plus each record's version. */
import type { Claim, Entity, Source } from '../core/model.js';
import type { KnowledgeBase } from '../app/knowledge-base.js';
import { cite } from '../app/present.js';

/** A claim as the CLI's `--json` cites it, with the version a writer sends back. */
export async function citeClaims(kb: KnowledgeBase, claims: readonly Claim[]) {
  await kb.preload(claims);
  return claims.map((c) => ({ ...cite(kb, c), ...(c.version !== undefined ? { version: c.version } : {}) }));
}

export async function citeClaim(kb: KnowledgeBase, claim: Claim) {
  return (await citeClaims(kb, [claim]))[0]!;
}

export function entitySummary(e: Entity) {
  return {
    id: e.id,
    type: e.type,
    canonical: e.canonical,
    ...(e.description ? { description: e.description } : {}),
    names: e.names.map((n) => ({ name: n.name, kind: n.kind, ...(n.lang ? { lang: n.lang } : {}), sources: [...n.sources], ...(n.note ? { note: n.note } : {}) })),
    ...(e.version !== undefined ? { version: e.version } : {}),
  };
}

/** A source without its text (lists stay small). */
export function sourceMeta(s: Source) {
  const { text: _text, ...rest } = s;
  return rest;
}

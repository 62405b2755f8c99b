/** Health, counts, perspectives and the vocabulary: what a client needs before asking anything. */
import { Hono } from 'hono';
import { CLAIM_STATUSES, ENTITY_TYPES, NAME_KIND_DESCRIPTIONS, NAME_KINDS, PREDICATE_NAMES, PREDICATES, STANCES } from '../../core/vocabulary.js';
import { ref } from '../../app/present.js';
import type { Env } from '../env.js';
import { checked, guard, route } from '../route-spec.js';
import { Health, PerspectivesOut, Stats, VocabularyOut } from '../schemas.js';

const health = route({ method: 'get', path: '/api/health', tag: 'meta', access: 'public', summary: 'Liveness check', response: Health });
const stats = route({ method: 'get', path: '/api/stats', tag: 'meta', access: 'viewer', summary: 'How many records of each kind the store holds', response: Stats });
const perspectives = route({ method: 'get', path: '/api/perspectives', tag: 'meta', access: 'viewer', summary: 'The named perspectives ("as IS tells it") with their claimants', response: PerspectivesOut });
const vocabulary = route({ method: 'get', path: '/api/vocabulary', tag: 'meta', access: 'public', summary: 'Predicates with their descriptions and types, name kinds, stances and statuses', response: VocabularyOut });

function vocabularyBody() {
  return {
    predicates: PREDICATE_NAMES.map((name) => {
      const p = PREDICATES[name];
      return {
        name,
        description: p.description,
        temporality: p.temporality,
        subject: [...p.subject],
        object: [...p.object],
        objectOptional: 'objectOptional' in p ? Boolean(p.objectOptional) : false,
        lineage: 'lineage' in p ? Boolean(p.lineage) : false,
        allegiance: 'allegiance' in p ? Boolean(p.allegiance) : false,
        ...('role' in p && p.role ? { role: p.role as string } : {}),
        extension: 'extension' in p ? Boolean(p.extension) : false,
      };
    }),
    nameKinds: NAME_KINDS.map((name) => ({ name, description: NAME_KIND_DESCRIPTIONS[name] })),
    entityTypes: [...ENTITY_TYPES],
    stances: [...STANCES],
    statuses: [...CLAIM_STATUSES],
  };
}

export const metaRoutes = new Hono<Env>()
  .get(health.path, guard(health.access), (c) => c.json(checked(c, health, { ok: true as const })))
  .get(stats.path, guard(stats.access), async (c) => c.json(checked(c, stats, await c.var.deps.repo.counts())))
  .get(perspectives.path, guard(perspectives.access), async (c) => {
    const kb = await c.var.deps.kb();
    const ps = await kb.perspectives();
    const ids = [...new Set(ps.flatMap((p) => p.claimants))];
    for (const id of ids) await kb.entity(id);
    return c.json(checked(c, perspectives, ps.map((p) => ({ id: p.id, label: p.label, claimants: p.claimants.map((id) => ref(kb, id)) }))));
  })
  .get(vocabulary.path, guard(vocabulary.access), (c) => c.json(checked(c, vocabulary, vocabularyBody())));

/**
 * The zod schemas of the HTTP API: each request's params, query and body, and each response.
 * Routes validate with them, `/openapi.json` is generated from them, and tests check responses
 * against them, so the three cannot drift apart.
 */
import { z } from 'zod';
import { CLAIM_STATUSES, ENTITY_TYPES, NAME_KINDS, PREDICATE_NAMES, STANCES } from '../core/vocabulary.js';
import { SOURCE_KINDS } from '../core/model.js';
import { parseTime } from '../core/time.js';

/** Largest page any list returns. */
export const MAX_PAGE = 500;
/** Most hops a network query may ask for around its focus. */
export const MAX_HOPS = 3;

// ---------------------------------------------------------------- request pieces

/** An EDTF date or interval; the 400 carries the parser's reason and examples. */
export const Edtf = z
  .string()
  .max(100)
  .superRefine((v, ctx) => {
    try {
      parseTime(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message, params: { isnad: 'invalid_edtf' } });
    }
  })
  .meta({ description: 'EDTF (ISO 8601-2) date or interval, e.g. 2002-07~, 2006-36, 2006/2012, ../2014-02-03', examples: ['2008-06', '2006/2011'] });

const key = z.string().min(1).max(300);
const limit = (dflt: number) => z.coerce.number().int().min(1).max(MAX_PAGE, `at most ${MAX_PAGE} per page`).default(dflt);
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0);
/** `a,b` or repeated parameters, as a list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).max(50));

export const IdParam = z.object({ id: key.meta({ description: 'Record id' }) });
export const ChangeIdParam = z.object({ id: z.coerce.number().int().min(1).meta({ description: 'History entry id' }) });

export const SearchQuery = z.object({ q: z.string().min(1).max(300), limit: limit(20) });
export const EntitiesQuery = z.object({ type: z.enum(ENTITY_TYPES).optional(), limit: limit(100), offset });
export const PageQuery = z.object({ limit: limit(100), offset });
export const ClaimsQuery = z.object({
  entity: key.optional().meta({ description: 'Entity id or name: claims about it (as subject or object)' }),
  predicate: list(z.enum(PREDICATE_NAMES as [string, ...string[]])).optional().meta({ description: 'One or more predicates, comma-separated' }),
  status: list(z.enum(CLAIM_STATUSES)).optional(),
  claimant: key.optional().meta({ description: 'Entity id or name of the claimant (innermost attribution)' }),
  dispute: key.optional(),
  source: key.optional(),
  from: Edtf.optional(),
  to: Edtf.optional(),
  limit: limit(100),
  offset,
});
const perspective = key.optional().meta({ description: 'Perspective id or claimant; overall when absent' });
export const AsOfQuery = z.object({ entity: key, date: Edtf, perspective });
export const LineageQuery = z.object({ entity: key, perspective });
export const TimelineQuery = z.object({ entity: key.optional(), from: Edtf.optional(), to: Edtf.optional(), perspective });
export const NetworkQuery = z.object({
  date: Edtf,
  perspective,
  focus: key.optional(),
  hops: z.coerce.number().int().min(0).max(MAX_HOPS, `at most ${MAX_HOPS} hops`).default(2),
});
export const DisputesQuery = z.object({ entity: key.optional() });

export const VersionBody = z.object({ expectedVersion: z.number().int().min(0).optional().meta({ description: 'The version you read; a stale one gets a 409' }) });
export const ClaimPatch = VersionBody.extend({
  predicate: z.string().min(1).max(100).optional(),
  subject: key.optional(),
  object: key.nullable().optional().meta({ description: 'null removes the object' }),
  value: z.string().max(10_000).nullable().optional(),
  time: z.string().max(100).nullable().optional().meta({ description: 'EDTF; null removes the time' }),
  stance: z.enum(STANCES).optional(),
  confidence: z.number().min(0).max(1).nullable().optional(),
  note: z.string().max(10_000).nullable().optional(),
}).strict();
export const MergeBody = z
  .object({ keep: key, merge: key, note: z.string().max(10_000).optional(), expectedVersion: z.number().int().min(0).optional().meta({ description: 'The version of the `merge` entity you read; a stale one gets a 409' }) })
  .strict()
  .refine((b) => b.keep !== b.merge, { message: 'keep and merge must be two different entities', path: ['merge'] });

export const SplitBody = z
  .object({ entity: key, other: key, note: z.string().max(10_000).optional() })
  .strict()
  .refine((b) => b.entity !== b.other, { message: 'entity and other must be two different entities', path: ['other'] });

// ---------------------------------------------------------------- response pieces

export const EntityRef = z.object({ id: z.string(), name: z.string(), type: z.string().optional() });
export const CitedClaim = z.object({
  id: z.string(),
  subject: EntityRef,
  predicate: z.string(),
  object: EntityRef.optional(),
  value: z.string().optional(),
  time: z.string().optional(),
  timeText: z.string(),
  stance: z.string(),
  claimant: EntityRef.optional(),
  chain: z.array(z.object({ entity: EntityRef.optional(), source: z.string().optional(), via: z.string().optional(), date: z.string().optional() })),
  evidence: z.array(z.object({ source: z.string(), title: z.string().optional(), url: z.string().optional(), quote: z.string(), start: z.number().optional(), end: z.number().optional(), page: z.string().optional() })),
  confidence: z.number().optional(),
  status: z.string(),
  dispute: z.string().optional(),
  note: z.string().optional(),
  basis: z.string().optional(),
  version: z.number().optional(),
});
export const ClaimPage = z.object({ items: z.array(CitedClaim), total: z.number().int() });

export const Health = z.object({ ok: z.literal(true) });
export const Stats = z.object({
  sources: z.number(), entities: z.number(), names: z.number(), claims: z.number(), perspectives: z.number(), disputes: z.number(),
  claimsByStatus: z.object({ candidate: z.number(), accepted: z.number(), rejected: z.number() }),
});
export const SearchResults = z.array(z.object({ id: z.string(), type: z.string(), canonical: z.string(), matchedName: z.string(), score: z.number(), reasons: z.array(z.string()), description: z.string().optional() }));
export const NameOut = z.object({ name: z.string(), kind: z.enum(NAME_KINDS), lang: z.string().optional(), sources: z.array(z.string()), note: z.string().optional() });
export const EntitySummary = z.object({ id: z.string(), type: z.enum(ENTITY_TYPES), canonical: z.string(), description: z.string().optional(), names: z.array(NameOut), version: z.number().optional() });
export const EntityPage = z.object({ items: z.array(EntitySummary), total: z.number().int() });
export const ProfileOut = z.object({
  entity: z.object({ id: z.string(), type: z.string(), canonical: z.string(), description: z.string().optional() }),
  names: z.array(z.object({ name: z.string(), kind: z.string(), sources: z.array(z.string()), note: z.string().optional() })),
  roles: z.array(CitedClaim),
  events: z.array(CitedClaim),
  relations: z.array(CitedClaim),
  byClaimant: z.array(z.object({ claimant: EntityRef, claims: z.array(z.string()) })),
});
const AsOfItemOut = z.object({ entity: EntityRef, modality: z.enum(['certain', 'possible']), contested: z.boolean().optional(), detail: z.string().optional(), claims: z.array(CitedClaim), deniedBy: z.array(CitedClaim).optional() });
export const AsOfOut = z.object({
  entity: EntityRef,
  date: z.string(),
  dateText: z.string(),
  perspective: z.string(),
  forms: z.array(AsOfItemOut.extend({ names: z.array(z.object({ name: z.string(), kind: z.string() })) })),
  leaders: z.array(AsOfItemOut),
  deputies: z.array(AsOfItemOut),
  spokesmen: z.array(AsOfItemOut),
  allegiance: z.array(AsOfItemOut),
  conflicts: z.array(z.object({ topic: z.string(), asserting: z.array(CitedClaim), denying: z.array(CitedClaim) })),
  notes: z.array(z.string()),
});
export const LineageOut = z.object({
  focus: EntityRef,
  roots: z.array(EntityRef),
  nodes: z.array(EntityRef),
  edges: z.array(z.object({ from: EntityRef, to: EntityRef, predicate: z.string(), time: z.string().optional(), timeText: z.string(), family: z.boolean(), disputed: z.boolean(), claims: z.array(CitedClaim) })),
});
export const TimelineOut = z.array(CitedClaim.extend({ within: z.enum(['certain', 'possible']) }));
export const NetworkOut = z.object({
  date: z.string(),
  dateText: z.string(),
  perspective: z.string(),
  nodes: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
  edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string(), predicate: z.string(), modality: z.enum(['certain', 'possible']), stance: z.enum(STANCES), claimIds: z.array(z.string()) })),
  truncated: z.boolean(),
});
export const DisputesOut = z.array(z.object({ id: z.string(), question: z.string(), entities: z.array(EntityRef), sides: z.array(z.object({ stance: z.string(), claims: z.array(CitedClaim) })) }));
export const PerspectivesOut = z.array(z.object({ id: z.string(), label: z.string(), claimants: z.array(EntityRef) }));
export const VocabularyOut = z.object({
  predicates: z.array(z.object({ name: z.string(), description: z.string(), temporality: z.enum(['event', 'state']), subject: z.array(z.string()), object: z.array(z.string()), objectOptional: z.boolean(), lineage: z.boolean(), allegiance: z.boolean(), role: z.string().optional(), extension: z.boolean() })),
  nameKinds: z.array(z.object({ name: z.enum(NAME_KINDS), description: z.string() })),
  entityTypes: z.array(z.enum(ENTITY_TYPES)),
  stances: z.array(z.enum(STANCES)),
  statuses: z.array(z.enum(CLAIM_STATUSES)),
});
const SourceBase = z.object({
  id: z.string(), kind: z.enum(SOURCE_KINDS), title: z.string(), author: z.string().optional(), authorEntity: z.string().optional(),
  date: z.string().optional(), url: z.string().optional(), contentHash: z.string().optional(),
});
export const SourceList = z.array(SourceBase.extend({ hasText: z.boolean(), claims: z.number().int() }));
export const SourceOut = z.object({
  source: SourceBase.extend({ text: z.string().optional() }),
  spans: z.array(z.object({ start: z.number().int(), end: z.number().int(), claimIds: z.array(z.string()) })),
  claims: z.array(CitedClaim),
});
export const ChangeOut = z.object({
  id: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), targetKind: z.string(), targetId: z.string(),
  before: z.unknown(), after: z.unknown(), reverts: z.number().int().optional(),
});
export const HistoryOut = z.array(ChangeOut);
export const EntityOut = EntitySummary;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
    current: z.unknown().optional(),
    currentVersion: z.number().optional(),
    expectedVersion: z.number().optional(),
    changedSince: z.array(ChangeOut.pick({ id: true, at: true, actor: true, action: true })).optional(),
  }),
});

// ---------------------------------------------------------------- server mode: accounts, audit

export const RoleEnum = z.enum(['viewer', 'editor', 'admin']);
export const LoginBody = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1000) }).strict();
export const TokenBody = z.object({ label: z.string().min(1).max(200).default('api') }).strict();
export const NewUserBody = z.object({ name: z.string().min(1).max(64), password: z.string().min(10).max(1000), role: RoleEnum }).strict();
export const UserPatch = z.object({ role: RoleEnum.optional(), password: z.string().min(10).max(1000).optional() }).strict();
export const NameParam = z.object({ name: z.string().min(1).max(64) });
export const ChangesQuery = z.object({ after: z.coerce.number().int().min(0).optional(), limit: limit(100) });

export const UserOut = z.object({ id: z.string(), name: z.string(), role: RoleEnum, createdAt: z.string() });
export const UsersOut = z.array(UserOut);
export const SessionOut = z.object({ mode: z.enum(['local', 'server']), user: z.object({ name: z.string(), role: RoleEnum }).nullable(), csrfToken: z.string().optional() });
export const TokenOut = z.object({ token: z.string(), label: z.string() });
export const Ok = z.object({ ok: z.literal(true) });
export const ChangesOut = HistoryOut;

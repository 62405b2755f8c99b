/**
 * The shape of a dataset document as a person writes it (YAML or JSON), with its shorthands.
 * `schema/dataset.schema.json` is generated from these schemas (`npm run schema`).
 * Shape only: references, vocabulary, EDTF and evidence rules are checked in `validate-dataset.ts`.
 */
import { z } from 'zod';
import { CLAIM_STATUSES, ENTITY_TYPES, NAME_KINDS, STANCES } from './vocabulary.js';
import { SOURCE_KINDS } from './model.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" and "-"');
const text = z.string().min(1);
// Years written bare in YAML (`time: 2000`) arrive as numbers; EDTF is text.
const edtfString = z.union([z.string().min(1), z.number().int().transform(String)]);

export const LocatorDoc = z.strictObject({
  page: z.union([z.string(), z.number()]).transform(String).optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  section: z.string().optional(),
});

export const EvidenceDoc = z.strictObject({
  source: id.optional(),
  quote: z.string(),
  locator: LocatorDoc.optional(),
});

export const AttributionDoc = z.strictObject({
  entity: id.optional(),
  source: id.optional(),
  via: z.string().optional(),
  date: edtfString.optional(),
});

export const NameDoc = z.strictObject({
  name: text,
  kind: z.enum(NAME_KINDS),
  lang: z.string().optional(),
  sources: z.array(id).optional(),
  note: z.string().optional(),
});

export const EntityDoc = z.strictObject({
  id,
  type: z.enum(ENTITY_TYPES),
  canonical: text,
  description: z.string().optional(),
  names: z.array(NameDoc).default([]),
});

export const ClaimDoc = z.strictObject({
  id,
  subject: id,
  predicate: z.string().min(1),
  object: id.optional(),
  value: z.string().optional(),
  time: edtfString.optional(),
  stance: z.enum(STANCES).default('asserts'),
  attribution: z.array(AttributionDoc).optional(),
  evidence: z.union([z.string(), z.array(EvidenceDoc)]).optional(),
  confidence: z.number().min(0).max(1).optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  dispute: id.optional(),
  note: z.string().optional(),
  recordedBy: z.string().optional(),
  recordedAt: z.string().optional(),
});

export const SourceDoc = z.strictObject({
  id,
  kind: z.enum(SOURCE_KINDS).default('other'),
  title: text,
  author: z.string().optional(),
  authorEntity: id.optional(),
  date: edtfString.optional(),
  url: z.string().url().optional(),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/).optional(),
  text: z.string().optional(),
});

export const PerspectiveDoc = z.strictObject({
  id,
  label: text,
  claimants: z.array(id).min(1),
});

export const DisputeDoc = z.strictObject({ id, question: text });

export const DatasetDoc = z.strictObject({
  format: z.literal('isnad/1'),
  defaults: z
    .strictObject({
      source: id.optional(),
      status: z.enum(CLAIM_STATUSES).optional(),
      recordedBy: z.string().optional(),
      recordedAt: z.string().optional(),
    })
    .optional(),
  sources: z.array(SourceDoc).default([]),
  perspectives: z.array(PerspectiveDoc).default([]),
  disputes: z.array(DisputeDoc).default([]),
  entities: z.array(EntityDoc).default([]),
  claims: z.array(ClaimDoc).default([]),
});

export type DatasetDocInput = z.input<typeof DatasetDoc>;
export type DatasetDocParsed = z.output<typeof DatasetDoc>;

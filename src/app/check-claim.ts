/**
 * Checks one claim the way the dataset loader checks a file: known predicate, valid EDTF,
 * existing entities of the right types, evidence rules. Used by every edit path (CLI review,
 * HTTP PATCH), so an edit can never store what an import would refuse.
 */
import { DatasetDoc } from '../core/dataset-schema.js';
import { ValidationError, type Issue } from '../core/errors.js';
import type { Claim, Source } from '../core/model.js';
import { stripUndefined, validateDataset, type ExistingRecords } from '../core/validate-dataset.js';
import type { Repository } from '../store/repository.js';

/** `claims[0].time` → `time`: issues name the claim's own fields. */
const claimPath = (path: string) => path.replace(/^claims\[0\]\.?/, '').replace(/^claims\.0\.?/, '') || 'claim';

/** Throws {@link ValidationError} listing every problem of the edited claim. */
export async function checkClaim(repo: Repository, claim: Claim, locate: (field: string) => string = (f) => f): Promise<void> {
  const bodyPath = (path: string) => locate(claimPath(path));
  const entityIds = [claim.subject, claim.object, ...claim.attribution.map((a) => a.entity)].filter((x): x is string => Boolean(x));
  const entities = new Map((await repo.getEntities(entityIds)).map((e) => [e.id, e]));
  const sourceIds = [...new Set([...claim.evidence.map((e) => e.source), ...claim.attribution.map((a) => a.source)].filter((x): x is string => Boolean(x)))];
  const sources = new Map<string, Source>();
  for (const id of sourceIds) {
    const s = await repo.getSource(id);
    if (s) sources.set(id, s);
  }
  const disputes = new Set((await repo.listDisputes()).map((d) => d.id));
  const existing: ExistingRecords = {
    entityType: (id) => entities.get(id)?.type,
    hasSource: (id) => sources.has(id),
    sourceAuthorEntity: (id) => sources.get(id)?.authorEntity,
    sourceText: (id) => sources.get(id)?.text,
    hasDispute: (id) => disputes.has(id),
  };
  const raw = {
    format: 'isnad/1',
    claims: [
      stripUndefined({
        id: claim.id,
        subject: claim.subject,
        predicate: claim.predicate,
        object: claim.object,
        value: claim.value,
        time: claim.time,
        stance: claim.stance,
        attribution: claim.attribution.map((a) => stripUndefined({ ...a })),
        evidence: claim.evidence.map((e) => stripUndefined({ source: e.source, quote: e.quote, locator: e.locator && stripUndefined({ ...e.locator }) })),
        confidence: claim.confidence,
        status: claim.status,
        dispute: claim.dispute,
        note: claim.note,
        recordedBy: claim.recordedBy,
        recordedAt: claim.recordedAt,
      }),
    ],
  };
  const shaped = DatasetDoc.safeParse(raw);
  let issues: Issue[];
  if (!shaped.success) {
    issues = shaped.error.issues.map((i) => ({ code: 'invalid_field', path: bodyPath(i.path.map(String).join('.')), message: i.message }));
  } else {
    issues = validateDataset(shaped.data, { existing, now: new Date().toISOString() }).issues.map((i) => ({ ...i, path: bodyPath(i.path) }));
  }
  if (issues.length) throw new ValidationError(issues, `The edited claim is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
}

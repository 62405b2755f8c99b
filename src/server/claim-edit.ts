/**
 * Applies an edit to a claim and checks the result the way the dataset loader checks a file:
 * known predicate, valid EDTF, existing entities of the right types, evidence rules. Every
 * problem comes back at once, located in the request body (`body.time`).
 */
import type { Claim } from '../core/model.js';
import type { Repository } from '../store/repository.js';
import { checkClaim as checkClaimFields } from '../app/check-claim.js';
import type { z } from 'zod';
import type { ClaimPatch } from './schemas.js';

type Patch = z.output<typeof ClaimPatch>;
const EDITABLE = ['predicate', 'subject', 'object', 'value', 'time', 'stance', 'confidence', 'note'] as const;

/** The claim with the patch applied (null removes a field); not yet checked. */
export function mergePatch(current: Claim, patch: Patch): Claim {
  const out: Record<string, unknown> = { ...current };
  for (const k of EDITABLE) {
    const v = patch[k];
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as unknown as Claim;
}


/** Throws {@link ValidationError} listing every problem of the edited claim, located in the request body (`body.time`). */
export function checkClaim(repo: Repository, claim: Claim): Promise<void> {
  return checkClaimFields(repo, claim, (field) => `body.${field}`);
}

/**
 * How isnad records map onto STIX 2.1 objects, in one place. See docs/interop.md#stix.
 *
 * - person → `identity` (identity_class `individual`); organization → `identity`
 *   (identity_class `group`); place → `location`. `threat-actor` and `intrusion-set` are not
 *   used: they assert malicious intent or describe cyber intrusion activity, a judgement the
 *   knowledge base does not make about the people and groups it records (authors and analysts
 *   are persons too). Other names go in `x_opencti_aliases`, the property OpenCTI reads for
 *   identity aliases, and in full (with kinds and sources) in the isnad extension.
 * - source → `report` (the document) and an `external_reference` on every object citing it.
 * - claim with an object → `relationship` (relationship_type from the predicate, `_` → `-`);
 *   claim without one (killed, released …) → `note` about the subject.
 * - dispute → `note` over the claims; perspective → `grouping` of its claimants.
 * - every object carries the lossless native record in the isnad property extension.
 */
import { stableUuid } from '../common/ids.js';

export const SPEC_VERSION = '2.1';
/** created/modified of objects without a recording time of their own (entities, sources …). */
export const FIXED_TIMESTAMP = '2020-01-01T00:00:00.000Z';

export const EXTENSION_ID = `extension-definition--${stableUuid('stix-extension', 'isnad-record/1')}`;
export const PRODUCER_ID = `identity--${stableUuid('stix-producer', 'isnad')}`;

export type RecordKind = 'entity' | 'source' | 'claim' | 'dispute' | 'perspective';

export const stixId = (type: string, kind: RecordKind | 'contested', id: string): string => `${type}--${stableUuid(kind, id)}`;

/** `leader_of` → `leader-of` (STIX relationship types are lower-case words joined by hyphens). */
export const relationshipType = (predicate: string): string => predicate.replace(/_/g, '-');

/** The isnad extension block of an object. */
export interface IsnadExtension {
  readonly extension_type: 'property-extension';
  readonly record_kind: RecordKind;
  readonly record: Record<string, unknown>;
}

export function extensionOf(kind: RecordKind, record: Record<string, unknown>): Record<string, IsnadExtension> {
  return { [EXTENSION_ID]: { extension_type: 'property-extension', record_kind: kind, record } };
}

/**
 * The dataset as a network for graph tools: entities are nodes, claims with an object are
 * edges from subject to object, each with its time as ISO day bounds (earliest start, latest
 * end) so a timeline can show when the relation may have held. Claims without an object have
 * no edge; they stay in the node's claim count.
 */
import type { Dataset } from '../../core/model.js';
import { claimantOf } from '../../core/model.js';
import { boundsOf, isoDate } from '../common/dates.js';
import { subsetFor } from '../common/subset.js';
import { claimTime, labelsFor, predicatePhrase } from '../common/wording.js';

export interface NetworkNode {
  readonly id: string;
  readonly label: string;
  readonly attributes: Readonly<Record<NodeAttribute, string>>;
}

export interface NetworkEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  /** ISO day the relation may have started at the earliest; undefined when open or undated. */
  readonly start?: string;
  /** ISO day it may have ended at the latest; undefined when open or undated. */
  readonly end?: string;
  readonly weight?: number;
  readonly attributes: Readonly<Record<EdgeAttribute, string>>;
}

export const NODE_ATTRIBUTES = ['type', 'names', 'description'] as const;
export type NodeAttribute = (typeof NODE_ATTRIBUTES)[number];
export const EDGE_ATTRIBUTES = ['predicate', 'time_edtf', 'time_text', 'stance', 'claimant', 'status', 'dispute', 'quote', 'source'] as const;
export type EdgeAttribute = (typeof EDGE_ATTRIBUTES)[number];

export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export function toNetwork(input: Dataset, focus?: string): Network {
  const ds = subsetFor(input, focus);
  const labels = labelsFor(ds);
  const nodes = [...ds.entities].sort((a, b) => a.id.localeCompare(b.id)).map((e) => ({
    id: e.id,
    label: e.canonical,
    attributes: { type: e.type, names: e.names.map((n) => n.name).join('; '), description: e.description ?? '' },
  }));
  const known = new Set(nodes.map((n) => n.id));
  const edges = [...ds.claims]
    .filter((c) => c.object && known.has(c.subject) && known.has(c.object))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c): NetworkEdge => {
      const b = boundsOf(c.time);
      let start = isoDate(b.startEarliest);
      let end = isoDate(b.endLatest);
      if (start && end && end < start) [start, end] = [end, start];
      return {
        id: c.id,
        source: c.subject,
        target: c.object!,
        label: predicatePhrase(c.predicate),
        start,
        end,
        weight: c.confidence,
        attributes: {
          predicate: c.predicate,
          time_edtf: c.time ?? '',
          time_text: claimTime(c),
          stance: c.stance,
          claimant: labels.entity(claimantOf(c)),
          status: c.status,
          dispute: c.dispute ?? '',
          quote: c.evidence.map((e) => e.quote).join(' | '),
          source: c.evidence.map((e) => labels.source(e.source)?.title ?? e.source).join(' | '),
        },
      };
    });
  return { nodes, edges };
}

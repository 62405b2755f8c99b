/** Perspective resolution: readings of the claims per claimant, and the views derived from them. */
export { claimsInView, contestedPropositions, resolvePerspective, type Basis, type EntityLookup, type ViewedClaim, type Viewpoint } from './view.js';
export { asOf, asOfReads, formsAt, type AsOfReads, type AsOfConflict, type AsOfItem, type AsOfView } from './as-of.js';
export { FAMILY_PREDICATES, lineageOf, SUCCESSION, type Lineage, type LineageEdge } from './lineage.js';
export { disputesOf, type DisputeSide, type DisputeView } from './disputes.js';
export { timelineOf, type TimelineEntry, type TimelineOptions } from './timeline.js';
export { profileOf, type Profile } from './profile.js';
export { isNetworkPredicate, networkAt, networkReads, type NetworkReads, type Network, type NetworkEdge, type NetworkOptions } from './network.js';

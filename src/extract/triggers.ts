/**
 * Trigger patterns for relations, as data. Each pattern is written over a sentence "skeleton":
 * the sentence lowercased, with every mention of a person/organization/place replaced by a slot
 * placeholder and glosses in parentheses removed. In the pattern language:
 *
 * - `{S}` / `{O}`: the subject / object slot (one mention); `{S+}` / `{O+}`: a coordinated list
 *   ("A, B and C"), each member giving its own claim.
 * - `{poss}`: an optional possessive ("his", "its", or a mention's "'s").
 * - `~`: a short gap (≤ 60 characters) that does not cross a person or organization mention
 *   nor a sentence-internal stop.
 * - Everything else is a regular expression fragment (non-capturing groups only).
 *
 * The words are general English of the domain; nothing names a particular group or person.
 */
import type { Predicate } from '../core/vocabulary.js';

/** One trigger pattern. */
export interface TriggerPattern {
  readonly predicate: Predicate;
  readonly pattern: string;
  /** Another claim the same words also support (e.g. an assassination is an attack and a killing). */
  readonly also?: { readonly predicate: Predicate; readonly swap?: boolean; readonly objectPerson?: boolean };
  /** When the object slot is the killer/arrester etc. it is optional; no object slot means no object. */
  readonly note?: string;
}

const PLEDGE = "(?:bayat|bay'ah|bay'a|bayah|baya|bayʿa|oath of allegiance|oath of loyalty|pledge of allegiance|pledge of loyalty|allegiance|pledge|oath|loyalty)";
const GIVE = '(?:gave|give|gives|giving|pledged|pledges|pledging|swore|swear|swears|swearing|sworn|offered|offering|sent|sending|switched|switching|renewed|renewing|transferred|declared|declaring|made|making|publicly gave|formally pledged)';
const BE = '(?:was|were|is|are|had been|has been|have been|would be|being|became|become|becomes|remained|remains|served as|serves as|acted as|was named|was appointed|was made)';
const ROLE_ADJ = "(?:(?:the|a|an|its|their|his|her|then|new|first|second|former|official|senior|top|overall|supreme|acting|interim|de facto|ostensible|self-proclaimed|general|chief|media|military|religious|deputy|then-|[a-z]+-)\\s*){0,4}";
const LEADER = '(?:leader|emir|amir|head|chief|commander|caliph|chairman|president|founder-leader)';
const MEMBER_ROLE = "(?:operative|commander|official|member|figure|militant|fighter|cleric|ideologue|ideologist|strategist|recruiter|financier|judge|shar'i|sharia official|mufti|lieutenant|veteran|envoy|activist)(?![a-z'-])(?! (?:spokesman|spokesperson|leader|emir|deputy|head|chief))";
const KILL = '(?:killed|assassinated|executed|murdered|slain|beheaded|shot dead|killed in an? [a-z]+ strike|killed in action)';
const ARREST = '(?:arrested|captured|detained|apprehended|seized|taken into custody|rounded up)';
/** An optional comma, or a relative clause set off by commas, between a subject and its verb. */
const REL = '(?:,|, (?:who|which|whose) [^⟦.;]{0,80}?,|, (?:a|an|the) (?:[^⟦.;]|⟦[pol]\\d+⟧){0,60}?,)?';
/** An optional short time or place phrase ("in 1964", "on Tuesday") between a verb and its agent. */
const WHEN = '(?: (?:in|on|around|during|at) [^⟦.;,]{1,24}?)?';
const JAIL = '(?:jail|prison|detention|custody|captivity|gaol)';
const SUPPORT_N = '(?:support|aid|assistance|funding|funds|money|weapons|arms|resources|backing|sanctuary|safe haven|shelter|training|protection|help)';

/** The trigger patterns, most specific first within each family. */
export const TRIGGERS: readonly TriggerPattern[] = [
  // allegiance
  { predicate: 'pledged_allegiance_to', pattern: `${GIVE} {S}'s (?:[a-z]+ ){0,2}${PLEDGE}~(?:to|for) {O}` },
  { predicate: 'pledged_allegiance_to', pattern: `{S}~${GIVE} {poss}(?:[a-z]+ ){0,2}${PLEDGE}~(?:to|for) {O}` },
  { predicate: 'pledged_allegiance_to', pattern: `{S}'s (?:[a-z]+ ){0,2}${PLEDGE} to {O}` },
  { predicate: 'pledged_allegiance_to', pattern: `${PLEDGE} (?:of|from) {S} to {O}` },
  { predicate: 'pledged_allegiance_to', pattern: `{S}~(?:pledged|pledges|pledging|swore|swearing) (?:loyalty|fealty) to {O}` },
  { predicate: 'accepted_pledge_of', pattern: `{S}~(?:accepted|accepts|accepting|received) {poss}(?:the )?(?:${PLEDGE}) (?:of|from) {O}` },
  { predicate: 'accepted_pledge_of', pattern: `{S}~(?:accepted|accepts|accepting|received) {O}'s (?:[a-z]+ )?${PLEDGE}` },

  // lineage: renames
  { predicate: 'renamed_to', pattern: `(?:the )?(?:newly )?(?:rebranded|renamed) {S} \\({O}\\)` },
  { predicate: 'renamed_to', pattern: `{S}'s (?:[a-z]+ )?(?:rebranding|renaming|rebrand|re-branding|name change) (?:as|to|into) {O}` },
  { predicate: 'renamed_to', pattern: `{S},? (?:was |were |had been |has been )?(?:later |subsequently |then |eventually |officially |formally )?(?:renamed|rebranded|restyled|re-branded|relabelled|relabeled)(?: itself)?(?: as| to| into)? {O}` },
  { predicate: 'renamed_to', pattern: `{S} (?:later |then |eventually |subsequently |formally )?(?:became|becomes|changed its name to|transformed itself into|turned itself into|rebranded itself as|renamed itself) {O}` },
  { predicate: 'renamed_to', pattern: `{O} (?:was|were) (?:then-|then |at the time |originally |initially |first |previously |formerly )(?:called|named|known as) {S}` },
  { predicate: 'renamed_to', pattern: `{O},? (?:formerly|previously|originally) (?:known as |called |named )?{S}` },

  // lineage: mergers, splits, founding
  { predicate: 'merged_into', pattern: `(?:merging|merged|merge|merges|combining|combined|uniting|united|folding|folded|absorbing|absorbed) {S+} into {O}` },
  { predicate: 'merged_into', pattern: `{S}~(?:merged|merging|merge|merges) (?:with|into) {O}` },
  { predicate: 'merged_into', pattern: `{S}~(?:was|were) (?:merged|absorbed|folded|subsumed|integrated|incorporated) into {O}` },
  { predicate: 'merged_into', pattern: `{S}~(?:joined|joining|joins|join) {O}` },
  { predicate: 'merged_into', pattern: `{O},? (?:was |were )?(?:formed|created|established|founded|set up)(?: (?:in|on|around) [^⟦]{0,24}?)?,? (?:from|out of|by merging|through|by) (?:the |a )?(?:(?:merger|union|unification|amalgamation|fusion|joining) (?:of |between ))?{S+}` },
  { predicate: 'split_from', pattern: `{S}~(?:split|splitting|splits|broke away|breaking away|breaks away|seceded|seceding|defected|defecting|splintered|splintering)(?: off)? from {O}` },
  { predicate: 'split_from', pattern: `{S}~(?:was|were|as) (?:a )?(?:splinter|breakaway|offshoot) (?:group |faction )?(?:of|from) {O}` },
  { predicate: 'founded', pattern: `{S}~(?:founded|co-founded|established|set up|created|formed|launched|built|organized|organised|to create|to found|to establish|to set up|to form) {O}` },
  { predicate: 'founded', pattern: `{O},? (?:was |were |had been )?(?:founded|co-founded|established|set up|created|formed|launched)${WHEN} by {S}` },
  { predicate: 'founded', pattern: `{S}, (?:the )?founder of {O}` },
  { predicate: 'founded', pattern: `{S},? who (?:had |has |later |once )?(?:founded|co-founded|established|set up|created) {O}` },
  { predicate: 'founded', pattern: `{S}'s (?:[a-z]+ )?(?:network|group|followers|men|cell|cells|faction|movement|organization|organisation) (?:coalesced|evolved|developed|grew|was transformed|was organized|was organised|turned) into {O}` },
  { predicate: 'founded', pattern: `{O}'s founder,? {S}` },

  // declarations and dissolution
  { predicate: 'declared', pattern: `{S}'s (?:[a-z]+ )?(?:declaration|proclamation|announcement) of {O}` },
  { predicate: 'declared', pattern: `{S}~(?:declared|proclaimed|announced) (?:the (?:creation|establishment|formation|founding) of )?{O}` },
  { predicate: 'declared', pattern: `{S} (?:was|were|had been) (?:formally |officially |publicly )?(?:declared|proclaimed)` },
  { predicate: 'dissolved', pattern: `{S} (?:was|were|is|are|had been|would be) (?:to be )?(?:formally |officially )?(?:dissolved|disbanded|abolished|dismantled)` },
  { predicate: 'dissolved', pattern: `(?:dissolving|dissolved|disbanding|disbanded|dissolution of|abolishing|abolished) {S}` },

  // roles
  { predicate: 'leader_of', pattern: `{O}~under the (?:leadership|command|direction) of {S}` },
  { predicate: 'leader_of', pattern: `{O}~(?:led|headed|commanded|run) by {S}` },
  { predicate: 'leader_of', pattern: `{S} (?:${BE} )?(?:the )?(?:new |overall |supreme )?${LEADER} of (?:both )?{O+}` },
  { predicate: 'leader_of', pattern: `{S}, ${ROLE_ADJ}${LEADER} of {O}` },
  { predicate: 'leader_of', pattern: `{O}(?:'s)? (?:[a-z]+ )?${LEADER},? {S}` },
  { predicate: 'leader_of', pattern: `{S}'s (?:[a-z]+ )?(?:appointment|election|installation|succession) as (?:the )?(?:new )?{O} ${LEADER}` },
  { predicate: 'leader_of', pattern: `{S}'s (?:[a-z]+ )?(?:appointment|election|installation|succession) as (?:the )?(?:new )?${LEADER} of {O}` },
  { predicate: 'leader_of', pattern: `{S} (?:led|leads|headed|heads|commanded|commands) {O}` },
  { predicate: 'leader_of', pattern: `{S},? who (?:had |has |then |later |once )?(?:led|leads|headed|heads|commanded|commands|ran|runs) {O}` },
  { predicate: 'leader_of', pattern: `{S} (?:was |were )?(?:appointed|named|elected|chosen|installed|proclaimed) (?:as )?(?:the )?(?:new )?${LEADER} of {O}` },
  { predicate: 'leader_of', pattern: `{S} (?:succeeded|replaced|followed) ⟦[pol]\\d+⟧ as (?:the )?(?:new )?${LEADER} of {O}` },
  { predicate: 'leader_of', pattern: `{S} (?:succeeded|replaced|followed) ⟦[pol]\\d+⟧ as (?:the )?(?:new )?{O}(?:'s)? ${LEADER}` },
  { predicate: 'deputy_of', pattern: `{S}, ${ROLE_ADJ}{O}(?:'s)? (?:[a-z-]+ )?deputy` },
  { predicate: 'deputy_of', pattern: `{O}'s (?:[a-z-]+ ){0,2}deputy,? {S}` },
  { predicate: 'deputy_of', pattern: `{S},? (?:${BE} )?${ROLE_ADJ}deputy (?:of|to) {O}` },
  { predicate: 'spokesman_of', pattern: `{O}(?:'s)? (?:official |chief |then |new |former )?(?:spokesman|spokesperson|spokeswoman),? {S}` },
  { predicate: 'spokesman_of', pattern: `{S},? (?:${BE} )?${ROLE_ADJ}(?:spokesman|spokesperson|spokeswoman) (?:of|for) {O}` },
  { predicate: 'spokesman_of', pattern: `{S}'s~as (?:the )?{O} (?:spokesman|spokesperson)` },
  { predicate: 'spokesman_of', pattern: `{S}~(?:${BE}|as) (?:the )?{O}(?:'s)? (?:official )?(?:spokesman|spokesperson)` },
  { predicate: 'representative_to', pattern: `{S}~(?:served|serving|acted|acting|worked|working|was|as) (?:as )?${ROLE_ADJ}(?:[a-z/]+ |⟦o\\d+⟧(?:/⟦o\\d+⟧)* )?(?:representative|envoy|liaison|emissary|intermediary|link|go-between|delegate) (?:to|with) {O}` },
  { predicate: 'representative_to', pattern: `(?:representative|envoy|liaison|emissary|intermediary|link|delegate) to {O}, {S}` },
  { predicate: 'member_of', pattern: `{S}, ${ROLE_ADJ}(?:member|members) of {O}` },
  { predicate: 'member_of', pattern: `{S},? (?:${BE}) ${ROLE_ADJ}(?:member|members) of {O}` },
  { predicate: 'member_of', pattern: `{S},? one of {O}'s` },
  { predicate: 'member_of', pattern: `{S}, ${ROLE_ADJ}${MEMBER_ROLE} (?:of|in|for|with) {O}` },
  { predicate: 'member_of', pattern: `{S}, (?:a|an) (?:[a-z-]+,? ){0,5}${MEMBER_ROLE} (?:of|in|within|for|with|inside) {O}` },
  { predicate: 'member_of', pattern: `{S}, ${ROLE_ADJ}{O}(?:'s)? ${ROLE_ADJ}${MEMBER_ROLE}` },
  { predicate: 'member_of', pattern: `(?:^|, |the |an? )(?:[a-z-]+ ){0,2}{O} ${MEMBER_ROLE},? {S}` },
  { predicate: 'member_of', pattern: `(?:^|[^']s |, |the |by |and )?{O}'s {S}` },
  { predicate: 'member_of', pattern: `{S} (?:had |has |have |later |then |eventually |subsequently |also )?(?:joined|joins|joining) {O}` },
  { predicate: 'member_of', pattern: `{S},? who (?:had |has |later |also |once )?(?:joined|belonged to|fought for|fought with|served in|served with|trained with) {O}` },
  { predicate: 'member_of', pattern: `{S},? (?:who|having) (?:had )?(?:spent (?:time|years|months)|worked|served|fought|trained) (?:with|in|for|alongside) {O}` },
  { predicate: 'member_of', pattern: `{O} (?:sent|dispatched|deployed|assigned) (?:a |an |its |one of its |their )?(?:[a-z-]+ ){0,3}(?:figure|envoy|emissary|representative|official|operative|operatives|commander|delegate|member|leader|leaders|cadre|cadres),? {S}` },

  // events befalling people
  { predicate: 'killed', pattern: `{S}${REL} (?:was|were|had been|has been|is|being) (?:[a-z]+ )?${KILL}(?: by {O})?` },
  { predicate: 'killed', pattern: `{S}~(?:was|were) ${KILL}` },
  { predicate: 'killed', pattern: `{S}${REL} (?:died|perished) in (?:an? |the )?(?:[a-z-]+ )?(?:airstrike|air strike|strike|attack|bombing|raid|ambush|clash|clashes|explosion|shooting|battle|fighting|assassination)` },
  { predicate: 'killed', pattern: `{S}'s (?:[a-z]+ )?(?:assassination|killing|murder|execution)` },
  { predicate: 'killed', pattern: `(?:killing|assassinating|executing|murdering|the killing of|the assassination of|the murder of|the execution of|the death of) {S}` },
  { predicate: 'arrested', pattern: `{S}${REL} (?:was|were|had been|has been|is|being) (?:[a-z]+ )?${ARREST}(?: by {O})?` },
  { predicate: 'arrested', pattern: `{S}'s (?:[a-z]+ )?(?:arrest|capture|detention)` },
  { predicate: 'arrested', pattern: `(?:the )?(?:arrest|capture|detention) of {S}` },
  { predicate: 'imprisoned', pattern: `{S} (?:had been|has been|was|were|is|remained|spent (?:[a-z0-9]+ ){0,3}) (?:in|inside) (?:an? |the )?(?:[a-z]+ ){0,2}${JAIL}` },
  { predicate: 'imprisoned', pattern: `{S} (?:was|were|had been) (?:imprisoned|jailed|incarcerated|held prisoner|held captive)` },
  { predicate: 'imprisoned', pattern: `{S} in ${JAIL}` },
  { predicate: 'imprisoned', pattern: `{S}${REL} (?:was|were) sentenced to [^⟦.;]{0,40}?(?:prison|jail|imprisonment)` },
  { predicate: 'released', pattern: `{S} (?:was|were|had been) (?:released|freed|let out)` },
  { predicate: 'released', pattern: `{S} (?:came|got|walked) out of ${JAIL}` },
  { predicate: 'released', pattern: `(?:release|freeing) of {S}` },
  { predicate: 'released', pattern: `{S}'s release` },
  { predicate: 'released', pattern: `{S}${REL} (?:was|were|had been) (?:[a-z]+ )?(?:arrested|detained|captured|imprisoned|jailed|held)[^⟦.;]{0,60}? and (?:later |subsequently |then |eventually )?(?:released|freed)` },

  // violence and support between actors
  { predicate: 'attacked', pattern: `{S}~(?:organized|organised|orchestrated|carried out|planned|conducted|ordered|masterminded|claimed|directed) the (?:[a-z]+ )?(?:assassination|murder|killing) of {O}`, also: { predicate: 'killed', swap: true, objectPerson: true } },
  { predicate: 'attacked', pattern: `{S}~(?:organized|organised|orchestrated|carried out|planned|conducted|ordered|masterminded|claimed|directed|launched) (?:the |an? )?(?:[a-z]+ )?(?:assassination attempt|attack|attacks|bombing|bombings|assault|raid|strike|strikes|ambush) (?:on|against|upon|at) {O}` },
  { predicate: 'attacked', pattern: `{S}~(?:attacked|attacking|attacks|bombed|bombing|assaulted|assaulting|targeted|targeting|struck|raided|raiding|ambushed|ambushing|shelled|shelling) {O}` },
  { predicate: 'attacked', pattern: `{S}'s (?:[a-z]+ )?(?:attack|attacks|assault|offensive|bombing|bombings) (?:on|against) {O}` },
  { predicate: 'attacked', pattern: `{S}~claimed responsibility for (?:the |an? )?(?:[a-z-]+ ){0,2}(?:attack|attacks|bombing|bombings|assassination|killing|assault|raid) (?:on|against|of) {O}` },
  { predicate: 'supported', pattern: `{S}~(?:gave|give|gives|giving|provided|provides|providing|offered|offering|sent|sending|supplied|supplying|extended) (?:[a-z]+ ){0,3}${SUPPORT_N} (?:to|for) {O}` },
  { predicate: 'supported', pattern: `{O}~(?:received|receives|receiving|got|obtained|accepted|enjoyed) (?:[a-z]+ ){0,3}${SUPPORT_N} (?:from|by) {S}` },
  { predicate: 'supported', pattern: `{S}~(?:supported|supports|supporting|backed|backing|funded|funding|financed|financing|armed|arming|sponsored|sponsoring|sheltered|sheltering|harboured|harbored|harbouring|harboring) {O}` },
  { predicate: 'supported', pattern: `{S}~(?:provided|provides|providing|supplied|supplying|furnished|furnishing) {O} with` },
  { predicate: 'supported', pattern: `{S}'s (?:[a-z]+ )?(?:support|backing|funding|sponsorship) (?:for|to|of) {O}` },
  { predicate: 'supported', pattern: `{O}~with the (?:complicity|support|help|backing|assistance|protection|connivance|blessing) of (?:[^⟦.;]{0,40}?)?{S+}` },
  { predicate: 'allied_with', pattern: `{S}~(?:allied|aligned|partnered|allying|aligning) (?:itself |themselves )?with {O}` },
  { predicate: 'allied_with', pattern: `(?:an? |the )?alliance (?:between|of) {S} and {O}` },
  { predicate: 'fought', pattern: `(?:conflict|fighting|clashes|war|hostilities|infighting|fratricide|battles)(?:[^⟦.;]|⟦l\\d+⟧){0,24}? between {S} and {O}` },
  { predicate: 'fought', pattern: `{S}~(?:fought|fighting|fights|clashed with|clashing with|battled|battling|waged war (?:on|against)|went to war with|at war with) {O}` },
  { predicate: 'expelled', pattern: `{S}~(?:expelled|expelling|expels|ousted|ousting|excommunicated|disowned|disowning|disavowed|disavowing|cut ties with|broke (?:off )?(?:ties|connections|relations|links) with|severed (?:ties|relations|links) with) {O}` },
  { predicate: 'branch_of', pattern: `{S}~(?:${BE}|as|to be|not) (?:a |an |the |its |their |merely a |only a )?(?:[a-z-]+ ){0,2}(?:branch|affiliate|wing|franchise|subsidiary|arm|province) (?:of|for) {O}` },
  { predicate: 'branch_of', pattern: `{S} (?:${BE}|as|to be) {O}'s (?:[a-z-]+ ){0,2}(?:branch|affiliate|wing|franchise|subsidiary|arm)` },
  { predicate: 'branch_of', pattern: `{S} (?:${BE}|as|to be) (?:the )?(?:[a-z-]+ ){0,2}(?:branch|affiliate|wing|franchise) of {O}` },
  { predicate: 'branch_of', pattern: `{S}~(?:was|were|had been|is) (?:originally |first |initially |secretly )?(?:set up|established|created|founded|formed|launched) as (?:the |a |an |its )?(?:[a-z-]+ ){0,2}(?:front|branch|wing|arm|affiliate|franchise|extension|offshoot|province) (?:of|for) {O}` },
];

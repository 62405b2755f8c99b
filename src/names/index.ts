/**
 * Names: Arabic name parsing, transliteration folding, part-aware matching, a blocking index for
 * scale and a merge-candidate resolver. The curated public entry of `src/names`.
 */
export { parseName, informativeParts, isKnownIsm, looksLikeNisba, ISM_KEYS } from './parse.js';
export type { ParsedName, NamePart, NamePartRole } from './parse.js';
export { foldName, foldToken, asciiFold, nameUnits, tokenize, skeleton, vowels, looseSkeleton } from './fold.js';
export type { NameUnit, UnitKind, RawToken } from './fold.js';
export { transliterateArabic, hasArabicScript } from './arabic-script.js';
export { matchNames, matchParsed, matchNameToEntity, betterMatch, SAME_WEIGHT } from './match.js';
export { keySimilarity } from './similarity.js';
export type { TokenSim } from './similarity.js';
export type { MatchResult, MatchOptions, EntityNameLike, EntityMatchOptions } from './match.js';
export { NameIndex, blockingKeys } from './name-index.js';
export type { NameLookupResult, NameLookupOptions } from './name-index.js';
export { proposeMerges } from './resolver.js';
export type { ResolvableEntity, DecidedPair, ProposeMergesOptions, MergeCandidate } from './resolver.js';
export {
  KUNYA_PREFIXES,
  KUNYA_PREFIXES_WITH_ARTICLE,
  NASAB_PARTICLES,
  ARTICLES,
  ASSIMILATED_ARTICLES,
  TITLES,
  AMBIGUOUS_TITLES,
  LAQAB_MARKERS,
  ISMS,
  COMMON_ISM_KEYS,
  COMMON_NISBA_KEYS,
  KNOWN_NISBAS,
  WESTERN_VARIANTS,
  COMPOUND_SECONDS,
} from './lexicon.js';

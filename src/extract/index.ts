/**
 * The extraction engine: documents in, entities and sourced candidate claims out.
 * Pure (no store I/O). See `extract` and `extractDocument`.
 */
export { extract, extractDocument } from './extract.js';
export type { ExtractOptions, ExtractResult, ExtractedClaim, ExtractedEvidence, ExtractedEntity, KnownEntity } from './extract.js';
export { decode, formatFromFilename, sniffFormat, DEFAULT_MAX_BYTES } from './decode.js';
export type { Decoded, DecodeOptions, InputFormat } from './decode.js';
export { ExtractError } from './errors.js';
export type { ExtractErrorCode } from './errors.js';
export { findDates, normalizeDate, isValidEdtf } from './dates.js';
export type { DateMention, DateParts, DateContext } from './dates.js';
export { htmlToText, markdownToText } from './markup.js';
export { splitSentences, tokenize } from './sentences.js';

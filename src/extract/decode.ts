/**
 * Input bytes to the plain text that extraction reads and that is stored as the source text.
 * Evidence offsets always point into the string this module returns.
 */
import { ExtractError } from './errors.js';
import { htmlToText, markdownToText } from './markup.js';

/** The input formats the engine reads. */
export type InputFormat = 'text' | 'markdown' | 'html';

/** Options of {@link decode}. */
export interface DecodeOptions {
  /** The format; when absent it is guessed from `filename` and then from the content. */
  readonly format?: InputFormat;
  /** Used only to guess the format from its extension. */
  readonly filename?: string;
  /** Largest accepted input in bytes (default 20 MiB). */
  readonly maxBytes?: number;
}

/** A decoded document. */
export interface Decoded {
  readonly text: string;
  readonly format: InputFormat;
}

/** Default size limit: far above any article, low enough to keep one extraction bounded. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Guesses the format from a file name's extension, or undefined. */
export function formatFromFilename(filename: string): InputFormat | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  return undefined;
}

/** Guesses the format from the first characters of a document. */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|p|div|script)[\s>]/.test(head)) return 'html';
  return 'text';
}

/** Throws {@link ExtractError} `binary` when the bytes look like a binary file. */
function checkBinary(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) throw new ExtractError('binary', 'The input looks like a binary file (it contains NUL bytes); give a text, Markdown or HTML document.');
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (n > 0 && control / n > 0.05) {
    throw new ExtractError('binary', 'The input looks like a binary file (too many control characters); give a text, Markdown or HTML document.');
  }
}

/** Throws `binary` when an already-decoded string carries NULs or many control characters. */
function checkControlChars(text: string): void {
  const n = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new ExtractError('binary', 'The input contains NUL characters; it does not look like a text document.');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (n > 0 && control / n > 0.05) throw new ExtractError('binary', 'The input has too many control characters to be a text document.');
}

/**
 * Decodes a document to plain text. Accepts bytes (must be UTF-8, a BOM is dropped) or an
 * already-decoded string. Throws {@link ExtractError} with code `empty`, `binary`,
 * `invalid_utf8` or `too_large`; never anything else.
 */
export function decode(input: Uint8Array | string, opts: DecodeOptions = {}): Decoded {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let raw: string;
  if (typeof input === 'string') {
    if (input.length > max) throw new ExtractError('too_large', `The input is ${input.length} characters long; the limit is ${max}. Split the document.`);
    checkControlChars(input);
    raw = input;
  } else {
    if (input.length > max) throw new ExtractError('too_large', `The input is ${input.length} bytes long; the limit is ${max} bytes. Split the document.`);
    checkBinary(input);
    try {
      raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
    } catch {
      throw new ExtractError('invalid_utf8', 'The input is not valid UTF-8; convert it to UTF-8 first (for example with iconv).');
    }
  }
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  const format = opts.format ?? (opts.filename ? formatFromFilename(opts.filename) : undefined) ?? sniffFormat(raw);
  let text: string;
  if (format === 'html') text = htmlToText(raw);
  else if (format === 'markdown') text = markdownToText(raw);
  else text = raw.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ExtractError('empty', 'The input has no text to extract from (it is empty or only markup/whitespace).');
  return { text, format };
}

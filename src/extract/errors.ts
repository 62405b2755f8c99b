/**
 * The one error type the extraction engine throws on bad input. Callers (CLI, ingest) can test
 * `err instanceof ExtractError` and show `err.message`, which is written for the user.
 */

/** Why an input was refused. */
export type ExtractErrorCode = 'empty' | 'binary' | 'invalid_utf8' | 'too_large' | 'unsupported_format';

/** A refused input, with a machine-readable code and a human-readable message. */
export class ExtractError extends Error {
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
    this.code = code;
  }
}

/**
 * Domain errors. Validation problems are collected as issues (code, path, message, and where
 * known the file and line) rather than thrown one at a time, so a user sees every problem in a
 * file at once. Code that cannot continue throws an {@link IsnadError} carrying a stable `code`
 * that the CLI maps to an exit status and the server to an HTTP status, in one place each.
 */

export const ISSUE_CODES = [
  'invalid_yaml',
  'invalid_json',
  'invalid_field',
  'missing_field',
  'unknown_predicate',
  'invalid_edtf',
  'dangling_reference',
  'duplicate_id',
  'missing_evidence',
  'type_mismatch',
  'quote_not_in_source',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem found in input, located as precisely as the input allows. */
export interface Issue {
  readonly code: IssueCode;
  /** Path of the field at fault, e.g. `claims[12].time`. */
  readonly path: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export type ErrorCode =
  | IssueCode
  | 'validation_failed'
  | 'not_found'
  | 'ambiguous'
  | 'conflict'
  | 'bad_input'
  | 'unsupported'
  | 'forbidden'
  | 'unauthorized';

/** Base of every error isnad throws on purpose. */
export class IsnadError extends Error {
  override readonly name: string = 'IsnadError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly Issue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Input failed validation; `issues` lists every problem found. */
export class ValidationError extends IsnadError {
  override readonly name = 'ValidationError';
  constructor(issues: readonly Issue[], summary?: string) {
    super('validation_failed', summary ?? `${issues.length} problem${issues.length === 1 ? '' : 's'} found`, issues);
  }
}

/** Something asked for by id or name does not exist. */
export class NotFoundError extends IsnadError {
  override readonly name = 'NotFoundError';
  constructor(what: string, key: string) {
    super('not_found', `No ${what} matches "${key}".`);
  }
}

/** Formats an issue as `file:line: path: message`, the way compilers do. */
export function formatIssue(issue: Issue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ''}` : ''}: ` : '';
  return `${where}${issue.path ? `${issue.path}: ` : ''}${issue.message} [${issue.code}]`;
}

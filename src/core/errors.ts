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

/**
 * A write was refused because the record changed since the writer read it (optimistic
 * concurrency), or because the change would contradict later changes (a revert over newer
 * edits, a delete of a record others refer to). `current` is the record as it stands now, so a
 * caller can say what changed; `currentVersion` and `expectedVersion` are the two versions.
 */
export class ConflictError<T = unknown> extends IsnadError {
  override readonly name = 'ConflictError';
  constructor(
    readonly target: { readonly kind: string; readonly id: string },
    readonly current: T | undefined,
    readonly expectedVersion: number | undefined,
    readonly currentVersion: number | undefined,
    message?: string,
  ) {
    super(
      'conflict',
      message ??
        (current === undefined
          ? `${target.kind} "${target.id}" no longer exists.`
          : `${target.kind} "${target.id}" was changed by someone else (now version ${currentVersion ?? '?'}, you had version ${expectedVersion ?? '?'}).`),
    );
  }
}

/** Formats an issue as `file:line: path: message`, the way compilers do. */
export function formatIssue(issue: Issue): string {
  const where = issue.file ? `${issue.file}${issue.line ? `:${issue.line}${issue.column ? `:${issue.column}` : ''}` : ''}: ` : '';
  return `${where}${issue.path ? `${issue.path}: ` : ''}${issue.message} [${issue.code}]`;
}

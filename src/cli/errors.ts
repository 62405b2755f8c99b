/** Maps errors to messages on stderr and exit codes, in one place. */
import { formatIssue, IsnadError } from '../core/errors.js';

export function exitCodeFor(err: unknown): number {
  if (!(err instanceof IsnadError)) return 3;
  return err.code === 'not_found' ? 1 : 2;
}

/** Prints the error for a person (or as JSON) and returns the exit code. */
export function reportError(err: unknown, json: boolean): number {
  const code = exitCodeFor(err);
  if (json) {
    const body = err instanceof IsnadError ? { error: { code: err.code, message: err.message, issues: err.issues } } : { error: { code: 'internal', message: String((err as Error)?.message ?? err) } };
    process.stderr.write(JSON.stringify(body, null, 2) + '\n');
    return code;
  }
  if (err instanceof IsnadError) {
    process.stderr.write(`isnad: ${err.message}\n`);
    for (const issue of err.issues.slice(0, 50)) process.stderr.write(`  ${formatIssue(issue)}\n`);
    if (err.issues.length > 50) process.stderr.write(`  … and ${err.issues.length - 50} more\n`);
  } else {
    process.stderr.write(`isnad: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  return code;
}

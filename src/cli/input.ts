/** Reading files named on the command line, with errors a user can act on. */
import { readFileSync, statSync } from 'node:fs';
import { IsnadError } from '../core/errors.js';

/** Reads a file's bytes; rejects directories and missing files with a clear message. */
export function readInputBytes(path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) throw new IsnadError('bad_input', `${path} is a directory, not a file`);
    return readFileSync(path);
  } catch (err) {
    if (err instanceof IsnadError) throw err;
    throw new IsnadError('not_found', `cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** Reads a UTF-8 text file; rejects directories, missing files and invalid UTF-8 with a clear message. */
export function readInputFile(path: string): string {
  const bytes = readInputBytes(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new IsnadError('bad_input', `${path} is not valid UTF-8 text`);
  }
}

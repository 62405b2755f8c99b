/** Refusing imports that map to nothing, so a wrong file is not mistaken for an empty one. */
import { IsnadError } from '../../core/errors.js';
import type { Dataset } from '../../core/model.js';

export function assertSomethingMapped(ds: Dataset, file: string, format: string, warnings: readonly string[]): void {
  if (ds.entities.length + ds.claims.length + ds.sources.length + ds.disputes.length + ds.perspectives.length > 0) return;
  throw new IsnadError('bad_input', `${file}: nothing in it could be mapped to isnad records, so nothing was imported (is it ${format}?)${warnings.length ? `: ${warnings.slice(0, 5).join('; ')}` : ''}`);
}

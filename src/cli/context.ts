/**
 * What every command shares: where the store is, how to open it (building the embedded default
 * from the bundled dataset when it is missing), and how to print for people or for scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { KnowledgeBase } from '../app/knowledge-base.js';
import { openStore } from '../store/open-store.js';
import type { Repository } from '../store/repository.js';
import { readDataset } from '../interop/native/read-dataset.js';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATASET = join(PROJECT_ROOT, 'data', 'islamic-state-al-qaeda.yaml');
export const DEFAULT_DB = join(PROJECT_ROOT, '.isnad', 'isnad.sqlite');

export interface GlobalOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** Where the store is: --db, then ISNAD_DATABASE_URL / ISNAD_DB, then the embedded default. */
export function storeLocation(opts: GlobalOptions): { location: string; isDefault: boolean } {
  const given = opts.db ?? process.env.ISNAD_DATABASE_URL ?? process.env.ISNAD_DB;
  return given ? { location: given, isDefault: false } : { location: DEFAULT_DB, isDefault: true };
}

/** Builds the embedded default store from the bundled dataset; returns what was imported. */
export async function buildDefaultStore(repo: Repository): Promise<void> {
  const ds = readDataset(readFileSync(DEFAULT_DATASET, 'utf8'), { file: DEFAULT_DATASET });
  await repo.importDataset(ds, { actor: 'isnad-default-dataset' });
}

export class CliContext {
  private repo?: Repository;
  constructor(readonly program: Command) {}

  get options(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  /** Opens the store; the embedded default is created from the bundled dataset on first use. */
  async open(opts: { create?: boolean } = {}): Promise<Repository> {
    if (this.repo) return this.repo;
    const { location, isDefault } = storeLocation(this.options);
    const isFile = !/^postgres(ql)?:\/\//.test(location);
    const missing = isFile && location !== ':memory:' && !existsSync(location);
    if (missing && !isDefault && !opts.create) {
      const { IsnadError } = await import('../core/errors.js');
      throw new IsnadError('not_found', `No store at ${location}. Create one with: isnad import --db ${location} FILE`);
    }
    this.repo = await openStore(location);
    if (missing && isDefault) {
      process.stderr.write(`isnad: building the embedded store at ${location} from ${DEFAULT_DATASET} …\n`);
      await buildDefaultStore(this.repo);
    }
    return this.repo;
  }

  async kb(): Promise<KnowledgeBase> {
    const repo = await this.open();
    return new KnowledgeBase(repo);
  }

  async close(): Promise<void> {
    await this.repo?.close();
    this.repo = undefined;
  }

  /** Prints JSON for --json, else the human text. */
  emit(json: unknown, human: () => string): void {
    if (this.options.json) process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    else process.stdout.write(human().replace(/\n*$/, '\n'));
  }
}

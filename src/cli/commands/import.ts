/** `isnad import FILE…`: validates every file first, then imports each in one transaction. */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import type { ExistingRecords } from '../../core/validate-dataset.js';
import type { EntityType } from '../../core/vocabulary.js';
import { documentValue } from '../../interop/native/read-dataset.js';
import { formatFromPath, IMPORTERS } from '../../interop/registry.js';
import type { Repository } from '../../store/repository.js';
import type { CliContext } from '../context.js';
import { readInputFile } from '../input.js';

/** Looks up, in the store, the records a file refers to but does not define. */
async function existingFor(text: string, repo: Repository): Promise<ExistingRecords> {
  const raw = documentValue(text);
  const ids = new Set<string>();
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string' && key && ['subject', 'object', 'entity', 'source', 'authorEntity', 'dispute'].includes(key)) ids.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key === 'claimants' || key === 'sources' ? 'entity' : undefined));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k === 'claimants' ? 'claimants' : k);
  };
  walk(raw);
  const entities = new Map((await repo.getEntities([...ids])).map((e) => [e.id, e.type] as const));
  const sources = new Map((await repo.getSources([...ids])).map((s) => [s.id, { author: s.authorEntity, text: s.text }] as const));
  const disputes = new Set((await repo.listDisputes()).map((d) => d.id));
  return {
    entityType: (id) => entities.get(id) as EntityType | undefined,
    hasSource: (id) => sources.has(id),
    sourceAuthorEntity: (id) => sources.get(id)?.author,
    sourceText: (id) => sources.get(id)?.text,
    hasDispute: (id) => disputes.has(id),
  };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Import dataset files into the store. Every file is validated before anything is written; each file is imported in one transaction.')
    .argument('<files...>', 'dataset files (YAML or JSON; other formats with --format)')
    .option('-f, --format <format>', `input format: ${[...IMPORTERS.keys()].join(', ')} (default: from the file extension)`)
    .option('--source-text <id=file>', 'attach the text of a source, so evidence quotes are checked and located in it (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--max-mb <n>', 'refuse input files larger than this many megabytes', '64')
    .addHelpText('after', '\nExamples:\n  isnad import data/islamic-state-al-qaeda.yaml\n  isnad import --db my.sqlite --source-text orton-2016=article.txt dataset.yaml')
    .action(async (files: string[], opts: { format?: string; sourceText?: string[]; maxMb?: string }) => {
      const maxBytes = Number(opts.maxMb ?? '64') * 1024 * 1024;
      if (!(maxBytes > 0)) throw new IsnadError('bad_input', `--max-mb takes a positive number, not "${opts.maxMb}"`);
      const repo = await ctx.open({ create: true });
      const sourceTexts = new Map<string, string>();
      for (const pair of opts.sourceText ?? []) {
        const eq = pair.indexOf('=');
        if (eq < 1) throw new IsnadError('bad_input', `--source-text takes ID=FILE, not "${pair}"`);
        sourceTexts.set(pair.slice(0, eq), readInputFile(pair.slice(eq + 1)));
      }
      const prepared: Array<{ file: string; result: import('../../interop/registry.js').ImportResult }> = [];
      for (const file of files) {
        const format = opts.format ?? formatFromPath(file) ?? 'yaml';
        const importer = IMPORTERS.get(format);
        if (!importer) throw new IsnadError('unsupported', `unknown import format "${format}" (known: ${[...IMPORTERS.keys()].join(', ')})`);
        let size = 0;
        try { size = statSync(file).size; } catch { /* readInputFile reports a missing file */ }
        if (size > maxBytes) throw new IsnadError('bad_input', `${file} is ${(size / 1048576).toFixed(1)} MB, more than the ${opts.maxMb} MB import limit; nothing was imported (raise it with --max-mb, or split the file)`);
        const text = readInputFile(file);
        const result = await importer.read(text, { file, existing: await existingFor(text, repo), sourceTexts });
        prepared.push({ file, result });
      }
      const summaries: Array<{ file: string; warnings: readonly string[] } & import('../../store/repository.js').ImportSummary> = [];
      for (const { file, result } of prepared) {
        const summary = await repo.importDataset(result.dataset, { actor: 'cli-import' });
        summaries.push({ file, ...summary, warnings: result.warnings });
      }
      ctx.emit({ imported: summaries }, () =>
        summaries
          .map((s) => `${s.file}: ${s.entities} entities, ${s.names} names, ${s.claims} claims, ${s.sources} sources, ${s.disputes} disputes, ${s.perspectives} perspectives${s.warnings.length ? `\n  ${s.warnings.length} warnings:\n  ${s.warnings.slice(0, 20).join('\n  ')}` : ''}`)
          .join('\n'),
      );
    });
}

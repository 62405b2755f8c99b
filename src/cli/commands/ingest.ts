/** `isnad ingest FILE…`: documents in, candidate claims stored for review; one transaction per document. */
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { IsnadError } from '../../core/errors.js';
import { SOURCE_KINDS, type SourceKind } from '../../core/model.js';
import { ingestDocument, knownEntities, type IngestOutcome } from '../../app/ingest.js';
import type { CliContext } from '../context.js';
import { readInputBytes } from '../input.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('Extract candidate claims (with evidence spans) from text, Markdown or HTML documents into the store, for review. The same document twice adds nothing.')
    .argument('<files...>', 'documents (UTF-8 text, Markdown, HTML; markup is stripped, never run)')
    .option('--source-title <title>', 'title of the source (default: the file name)')
    .option('--source-author <author>', 'author of the source')
    .option('--source-date <edtf>', 'date of the source (EDTF)')
    .option('--source-url <url>', 'URL of the source')
    .option('--source-kind <kind>', `kind of source: ${SOURCE_KINDS.join(', ')}`)
    .option('--cold', 'do not link mentions to entities already in the store')
    .addHelpText('after', '\nExamples:\n  isnad ingest report.html --source-title "Annual report" --source-date 2019\n  isnad ingest notes/*.md\n  isnad review')
    .action(async (files: string[], opts: { sourceTitle?: string; sourceAuthor?: string; sourceDate?: string; sourceUrl?: string; sourceKind?: string; cold?: boolean }) => {
      if (opts.sourceKind && !SOURCE_KINDS.includes(opts.sourceKind as SourceKind)) throw new IsnadError('bad_input', `--source-kind must be one of ${SOURCE_KINDS.join(', ')}`);
      if (files.length > 1 && (opts.sourceTitle || opts.sourceUrl)) throw new IsnadError('bad_input', '--source-title and --source-url describe one document; ingest files one at a time to give them');
      const repo = await ctx.open({ create: true });
      const known = opts.cold ? undefined : await knownEntities(repo);
      const bar = process.stderr.isTTY && files.length > 1 && !ctx.options.json ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', clearOnComplete: true }, Presets.shades_classic) : undefined;
      bar?.start(files.length, 0, { file: '' });
      const results: Array<IngestOutcome | { status: 'failed'; file: string; error: string }> = [];
      for (const file of files) {
        bar?.update({ file });
        try {
          const meta = { title: opts.sourceTitle, author: opts.sourceAuthor, date: opts.sourceDate, url: opts.sourceUrl, kind: opts.sourceKind as SourceKind | undefined };
          results.push(await ingestDocument(repo, readInputBytes(file), file, meta, known));
        } catch (err) {
          const message = err instanceof IsnadError ? err.message : `${file}: ${(err as Error).message}`;
          results.push({ status: 'failed', file, error: message });
        }
        bar?.increment();
      }
      bar?.stop();
      ctx.emit(results, () =>
        results
          .map((r) =>
            r.status === 'ingested'
              ? `${r.file}: source ${r.source}; ${r.summary.claims} candidate claims, ${r.summary.entities} new entities${r.skipped.length ? `; ${r.skipped.length} extracted claims left out (types or dates do not fit the vocabulary)` : ''}`
              : r.status === 'unchanged'
                ? `${r.file}: already in the store as source ${r.source}; nothing added`
                : `${r.file}: not ingested: ${r.error}`,
          )
          .join('\n') + (results.some((r) => r.status === 'ingested') ? '\n\nNext: isnad review' : ''),
      );
      if (results.some((r) => r.status === 'failed')) process.exitCode = 2;
    });
}

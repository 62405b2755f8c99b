/** `isnad extract FILE`: entities and candidate claims from a document, printed, never stored. */
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { ExtractError, extractDocument, type ExtractResult, type InputFormat } from '../../extract/index.js';
import { knownEntities } from '../../app/ingest.js';
import { readInputBytes } from '../input.js';
import type { CliContext } from '../context.js';

function human(r: ExtractResult & { text: string }, file: string): string {
  const name = (id: string | null) => (id === null ? '' : (r.entities.find((e) => e.id === id)?.canonical ?? id));
  const out = [`${file}: ${r.entities.length} entities, ${r.claims.length} candidate claims (not stored)`, '', 'Entities:'];
  for (const e of r.entities) out.push(`  ${e.id.padEnd(6)} ${e.type.padEnd(12)} ${e.canonical}${e.names.length > 1 ? `  (${e.names.filter((n) => n !== e.canonical).join('; ')})` : ''}`);
  out.push('', 'Claims:');
  for (const c of r.claims) {
    const by = c.attributedTo.length ? `  per ${c.attributedTo.map(name).join(' > ')}` : '';
    out.push(`  ${c.stance === 'denies' ? 'NOT ' : ''}${name(c.subject)} ${c.predicate.replace(/_/g, ' ')} ${name(c.object)}${c.time ? ` [${c.time}]` : ''}${by}`);
    out.push(`      “${c.evidence.quote.length > 110 ? `${c.evidence.quote.slice(0, 107)}…` : c.evidence.quote}” @${c.evidence.start}-${c.evidence.end}`);
  }
  return out.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('Find people, organizations, places and candidate claims (with evidence spans, dates, stance and attribution) in a text, Markdown or HTML document. Prints; stores nothing.')
    .argument('<file>', 'the document (UTF-8 text, Markdown or HTML)')
    .option('-f, --format <format>', 'output: json or text', 'text')
    .option('-t, --type <type>', 'input type: text, markdown or html (default: from the file name, else sniffed)')
    .option('--store', 'link mentions to the entities already in the store (warm); without it nothing is known (cold)')
    .addHelpText('after', '\nExamples:\n  isnad extract article.txt\n  isnad extract report.html --format json\n  isnad extract notes.md --store --format json')
    .action(async (file: string, opts: { format: string; type?: string; store?: boolean }) => {
      if (!['json', 'text'].includes(opts.format)) throw new IsnadError('bad_input', `--format must be json or text, not ${opts.format}`);
      if (opts.type && !['text', 'markdown', 'html'].includes(opts.type)) throw new IsnadError('bad_input', `--type must be text, markdown or html, not ${opts.type}`);
      const bytes = readInputBytes(file);
      const known = opts.store ? await knownEntities(await ctx.open()) : undefined;
      let r: ReturnType<typeof extractDocument>;
      try {
        r = extractDocument(bytes, { filename: file, ...(opts.type ? { format: opts.type as InputFormat } : {}), ...(known ? { known } : {}) });
      } catch (err) {
        if (err instanceof ExtractError) throw new IsnadError('bad_input', `${file}: ${err.message}`);
        throw err;
      }
      const json = { entities: r.entities, claims: r.claims };
      if (opts.format === 'json' || ctx.options.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      else process.stdout.write(`${human(r, file)}\n`);
    });
}

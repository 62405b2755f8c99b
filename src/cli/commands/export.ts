/** `isnad export --format F`: the store in a native or interchange format. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { IsnadError } from '../../core/errors.js';
import { EXPORTERS } from '../../interop/registry.js';
import type { CliContext } from '../context.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('Export the store. Native JSON/YAML are lossless: export → import → export is byte-identical.')
    .option('-f, --format <format>', `one of: ${[...EXPORTERS.keys()].join(', ')}`, 'yaml')
    .option('-o, --out <path>', 'write to this file (a folder for multi-file formats) instead of standard output')
    .option('-e, --entity <name>', 'only this entity and what is connected to it (formats that support it)')
    .option('--bom', 'start CSV files with a UTF-8 byte order mark (for spreadsheets that expect one)')
    .addHelpText('after', '\nExamples:\n  isnad export --format json > kb.json\n  isnad export --format yaml --out kb.yaml\n  isnad export --format stix --out kb.stix.json\n  isnad export --format csv --bom --out kb-csv/\n  isnad export --format html --entity "Islamic State" --out chronology.html')
    .action(async (opts: { format: string; out?: string; entity?: string; bom?: boolean }) => {
      const exporter = EXPORTERS.get(opts.format);
      if (!exporter) throw new IsnadError('unsupported', `unknown export format "${opts.format}" (known: ${[...EXPORTERS.keys()].join(', ')})`);
      const kb = await ctx.kb();
      const focus = opts.entity ? (await kb.resolve(opts.entity)).id : undefined;
      const result = await exporter.write(await kb.repo.exportDataset(), { focus, bom: opts.bom === true });
      if (typeof result === 'string') {
        if (opts.out) writeFileSync(opts.out, result);
        else process.stdout.write(result);
        return;
      }
      if (!opts.out) throw new IsnadError('bad_input', `the ${opts.format} format writes several files: give a folder with --out DIR`);
      mkdirSync(opts.out, { recursive: true });
      for (const [name, text] of Object.entries(result)) writeFileSync(join(opts.out, name), text);
      process.stderr.write(`wrote ${Object.keys(result).length} files to ${opts.out}\n`);
    });
}

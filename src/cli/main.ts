/**
 * The `isnad` command line. Each file in `commands/` registers one command; exit codes are
 * 0 (ok), 1 (not found), 2 (bad input), 3 (internal error).
 */
import { Command, CommanderError } from 'commander';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CliContext } from './context.js';
import { reportError } from './errors.js';

export type Register = (program: Command, ctx: CliContext) => void;

async function loadCommands(program: Command, ctx: CliContext): Promise<void> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f)).sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: Register };
    mod.register?.(program, ctx);
  }
}

/** Builds the program (exported for tests and --help checks). */
export async function buildProgram(): Promise<{ program: Command; ctx: CliContext }> {
  const program = new Command('isnad')
    .description('A source-grounded, time-aware knowledge base for contested histories of organizations and people.')
    .option('--db <location>', 'store: a SQLite file or postgres:// URL (default: the embedded store, or $ISNAD_DATABASE_URL)')
    .option('--json', 'machine-readable JSON output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const ctx = new CliContext(program);
  await loadCommands(program, ctx);
  program.commands.forEach((c) => c.exitOverride());
  return { program, ctx };
}

/** Runs the CLI with the given argv; resolves to the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const { program, ctx } = await buildProgram();
  try {
    await program.parseAsync([...argv]);
    // A command may set a non-zero code without failing (e.g. a search with no hits).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return 0;
      return err.exitCode === 0 ? 0 : 2;
    }
    return reportError(err, ctx.options.json ?? false);
  } finally {
    await ctx.close();
  }
}

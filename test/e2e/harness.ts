/**
 * Browser test harness: builds the web app when `web/dist` is missing or older than its sources,
 * imports dataset files into a temporary SQLite store, starts `isnad serve` on a free loopback
 * port as a child process, and drives Debian's Chromium through playwright-core.
 *
 * Chromium is looked for at $CHROMIUM_PATH or /usr/bin/chromium. When it is missing the tests are
 * skipped with a one-line reason, unless ISNAD_REQUIRE_BROWSER=1 (CI), where they fail.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB = join(ROOT, 'web');
export const DIST = join(WEB, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const DESKTOP = { width: 1280, height: 800 } as const;
export const NARROW = { width: 390, height: 844 } as const;

export function chromiumPath(): string | undefined {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(p) ? p : undefined;
}

/**
 * Why browser tests cannot run here, or undefined when they can. Throws when the browser is
 * required (ISNAD_REQUIRE_BROWSER=1) but missing, so CI fails loudly instead of skipping.
 */
export function browserUnavailable(): string | undefined {
  if (chromiumPath()) return undefined;
  const why = `Chromium not found at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (process.env.ISNAD_REQUIRE_BROWSER === '1') throw new Error(`ISNAD_REQUIRE_BROWSER=1 but ${why}; the browser tests cannot run.`);
  return why;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newestMtime(join(path, name)));
  }
  return max;
}

/** The inputs of the web build: its sources plus the core modules it bundles. */
function webInputsMtime(): number {
  return Math.max(
    newestMtime(join(WEB, 'src')),
    newestMtime(join(WEB, 'public')),
    newestMtime(join(WEB, 'index.html')),
    newestMtime(join(WEB, 'vite.config.ts')),
    newestMtime(join(ROOT, 'src', 'core', 'time.ts')),
    newestMtime(join(ROOT, 'src', 'core', 'errors.ts')),
  );
}

export function webIsStale(): boolean {
  const built = join(DIST, 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < webInputsMtime();
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Builds web/dist once, even when several test files ask at the same time (a lock directory). */
export async function ensureWebBuilt(): Promise<void> {
  if (!webIsStale()) return;
  const lock = join(ROOT, 'test-output', '.web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process builds; a lock older than 3 minutes is stale.
      try { if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true }); } catch { /* gone */ }
      if (Date.now() > deadline) throw new Error('timed out waiting for another web build');
      await sleep(500);
      if (!webIsStale()) return;
    }
  }
  try {
    if (!webIsStale()) return;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: WEB, encoding: 'utf8', timeout: 170_000 });
    if (r.status !== 0) throw new Error(`web build failed (vite build in web/):\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  /** The `isnad serve` process started (which may start the server proper as its child). */
  readonly pid: number;
  readonly dir: string;
  readonly db: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const ISNAD = join(ROOT, 'bin', 'isnad.mjs');

/** An account created with `isnad user add` before the server starts (server mode). */
export interface E2eUser {
  readonly name: string;
  readonly role: 'viewer' | 'editor' | 'admin';
  readonly password: string;
}

export interface ServerOptions {
  readonly timeoutMs?: number;
  /** Start `isnad serve --auth` (server mode) after adding these accounts; omitted → local mode. */
  readonly users?: readonly E2eUser[];
}

/** Imports the dataset files into a fresh store and runs `isnad serve` on it. */
export async function startServer(datasets: readonly string[], opts: ServerOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-e2e-'));
  const db = join(dir, 'e2e.sqlite');
  const imp = spawnSync(process.execPath, [ISNAD, 'import', '--db', db, ...datasets], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  if (imp.status !== 0) throw new Error(`isnad import failed (${imp.status}):\n${imp.stdout}\n${imp.stderr}`);
  for (const u of opts.users ?? []) {
    const add = spawnSync(process.execPath, [ISNAD, '--db', db, 'user', 'add', u.name, '--role', u.role, '--password-stdin'], { cwd: ROOT, encoding: 'utf8', input: `${u.password}\n`, timeout: 120_000 });
    if (add.status !== 0) throw new Error(`isnad user add ${u.name} failed (${add.status}):\n${add.stdout}\n${add.stderr}`);
  }
  const auth = opts.users !== undefined;
  const port = await freePort();
  let out = '';
  // ISNAD_E2E_SERVE_SCRIPT (development only) runs `node --import tsx SCRIPT DB PORT` instead of `isnad serve`.
  const alt = process.env.ISNAD_E2E_SERVE_SCRIPT;
  const argv = alt ? ['--import', 'tsx', alt, db, String(port)] : [ISNAD, 'serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), ...(auth ? ['--auth'] : [])];
  const child: ChildProcess = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`isnad serve exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch { /* not yet listening */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`isnad serve did not answer /api/health within the timeout:\n${out}`);
    }
    await sleep(150);
  }
  return {
    url,
    pid: child.pid!,
    dir,
    db,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child.once('exit', r)), sleep(3000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found');
  // playwright-core gives every launch a fresh, empty --user-data-dir of its own.
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/** What a page did that a test may want to assert on. */
export interface PageLog {
  readonly dialogs: string[];
  readonly errors: string[];
  readonly requests: string[];
}

export interface Session {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new page at the given viewport, logging dialogs, errors and every request it makes. */
  page(viewport?: { width: number; height: number }): Promise<{ page: Page; log: PageLog; context: BrowserContext }>;
  close(): Promise<void>;
}

export async function startSession(datasets: readonly string[], opts: ServerOptions = {}): Promise<Session> {
  await ensureWebBuilt();
  const server = await startServer(datasets, opts);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async page(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, baseURL: server.url });
      contexts.push(context);
      const page = await context.newPage();
      const log: PageLog = { dialogs: [], errors: [], requests: [] };
      page.on('dialog', (d) => { log.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => undefined); });
      page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
      page.on('request', (r) => log.requests.push(r.url()));
      return { page, log, context };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Waits until the element carries data-rendered="true" (set by the views after first paint). */
export async function waitRendered(page: Page, selector: string, timeout = 30_000): Promise<void> {
  await page.waitForSelector(`${selector}[data-rendered="true"]`, { timeout, state: 'attached' });
}

/** Writes a file into the temp dir (for generated datasets). */
export function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-gen-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

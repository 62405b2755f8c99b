/**
 * The store benchmark's side of `oxigraph-worker.ts`: starts it as a child process, waits for its
 * load, and asks it questions one at a time, each answered with the time oxigraph took.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OxigraphAsk, OxigraphQuestion, OxigraphReply, OxigraphTarget, OxigraphWorkerData } from './oxigraph-worker.js';

export interface OxigraphWorker {
  readonly loaded: Extract<OxigraphReply, { kind: 'loaded' }>;
  /** Asks one question; resolves with oxigraph's own time in ms, rejects with its error. */
  ask(question: OxigraphQuestion, target: OxigraphTarget): Promise<number>;
  stop(): Promise<void>;
}

/** Starts oxigraph in its own process and resolves once the data is loaded (or the load was time-boxed). */
export function startOxigraph(data: OxigraphWorkerData, log: (message: string) => void): Promise<OxigraphWorker> {
  const child = fork(fileURLToPath(new URL('./oxigraph-worker.ts', import.meta.url)), [JSON.stringify(data)], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=16384'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: { resolve: (ms: number) => void; reject: (err: Error) => void }[] = [];
  let failure: Error | undefined;
  let stopping = false;
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  return new Promise((resolve, reject) => {
    child.on('error', (err) => { fail(err); reject(err); });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      const err = new Error(`the oxigraph process exited (${signal ?? `code ${code}`})`);
      fail(err);
      reject(err);
    });
    child.on('message', (m: OxigraphReply) => {
      if (m.kind === 'progress') log(m.message);
      else if (m.kind === 'loaded') {
        resolve({
          loaded: m,
          ask: (question, target) => {
            if (failure) return Promise.reject(failure);
            const asked: OxigraphAsk = { question, target };
            return new Promise<number>((ok, no) => {
              waiting.push({ resolve: ok, reject: no });
              child.send(asked);
            });
          },
          stop: () => {
            stopping = true;
            if (child.exitCode !== null) return Promise.resolve();
            return new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill();
            });
          },
        });
      } else {
        const next = waiting.shift();
        if (m.kind === 'answered') next?.resolve(m.ms);
        else next?.reject(new Error(`oxigraph: ${m.message}`));
      }
    });
  });
}

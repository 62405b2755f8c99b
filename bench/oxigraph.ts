/**
 * The store benchmark's side of `oxigraph-worker.ts`: starts the worker, waits for its load,
 * and asks it questions one at a time, each answered with the time oxigraph took.
 */
import { Worker } from 'node:worker_threads';
import type { OxigraphAsk, OxigraphQuestion, OxigraphReply, OxigraphTarget, OxigraphWorkerData } from './oxigraph-worker.js';

export interface OxigraphWorker {
  readonly loaded: Extract<OxigraphReply, { kind: 'loaded' }>;
  /** Asks one question; resolves with oxigraph's own time in ms, rejects with its error. */
  ask(question: OxigraphQuestion, target: OxigraphTarget): Promise<number>;
  stop(): Promise<void>;
}

/** Starts oxigraph in a worker thread and resolves once the data is loaded (or the load was time-boxed). */
export function startOxigraph(data: OxigraphWorkerData, log: (message: string) => void): Promise<OxigraphWorker> {
  // Node 20 does not pass the parent's module hooks to workers: the worker registers tsx itself.
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(new URL('./oxigraph-worker.ts', import.meta.url).href)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: data });
  const waiting: { resolve: (ms: number) => void; reject: (err: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  return new Promise((resolve, reject) => {
    worker.on('error', (err) => { fail(err); reject(err); });
    worker.on('exit', (code) => {
      const err = new Error(`the oxigraph worker exited (code ${code})`);
      fail(err);
      reject(err);
    });
    worker.on('message', (m: OxigraphReply) => {
      if (m.kind === 'progress') log(m.message);
      else if (m.kind === 'loaded') {
        resolve({
          loaded: m,
          ask: (question, target) => {
            if (failure) return Promise.reject(failure);
            const asked: OxigraphAsk = { question, target };
            return new Promise<number>((ok, no) => {
              waiting.push({ resolve: ok, reject: no });
              worker.postMessage(asked);
            });
          },
          stop: async () => {
            worker.removeAllListeners('exit');
            await worker.terminate();
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

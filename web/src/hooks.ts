import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: string;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Runs an async loader whenever `deps` change; keeps only the latest answer. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => { if (mine === seq.current) setState({ data, loading: false }); },
      (err: unknown) => { if (mine === seq.current) setState({ error: err instanceof Error ? err.message : String(err), loading: false }); },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** A value that follows `value` after `ms` without changes. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Sets document.title for the current view. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · isnad` : 'isnad';
  }, [title]);
}

/**
 * Marks an element with data-rendered="true" once its content has been painted, and records a
 * performance mark `isnad:rendered:<name>` (read by the browser tests and bench/web.bench.ts).
 */
export function markRendered(el: Element | null | undefined, name?: string): void {
  if (!el) return;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (el.getAttribute('data-rendered') === 'true') return;
    if (name) performance.mark(`isnad:rendered:${name}`, { detail: { items: el.getAttribute('data-items') } });
    el.setAttribute('data-rendered', 'true');
  }));
}

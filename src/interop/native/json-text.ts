/**
 * JSON dataset files, read fast. The YAML parser that gives every node a position took 80 s
 * (half of it collecting garbage) for a 50 MB file of 100,000 claims; `JSON.parse` takes well
 * under a second. Two things the YAML path gave are done here instead, each in one pass over
 * the text: refusing a mapping with the same key twice (which `JSON.parse` would silently
 * resolve to the last value), and finding the line and column of the paths a problem names,
 * needed only when the file has problems. Written by hand: a JSON parser that keeps positions
 * would cost what the YAML one did.
 */

/** What {@link readJson} found: the value, or a key repeated in one object (and where the second one starts). */
export type JsonRead = { readonly value: unknown } | { readonly duplicate: { readonly key: string; readonly offset: number } };

/** Reads `text` as JSON; undefined when it is not JSON (then it may still be YAML). */
export function readJson(text: string): JsonRead | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const duplicate = walk(text);
  return duplicate ? { duplicate } : { value };
}

/**
 * A function giving the line and column (1-based) of the value at a path in JSON text, or of
 * the deepest value along the path that exists; for text `readJson` accepted.
 */
export function jsonLocator(text: string): (path: readonly (string | number)[]) => { line?: number; column?: number } {
  const offsets = new Map<string, number>();
  walk(text, (path, offset) => offsets.set(keyOf(path), offset));
  let lineStarts: number[] | undefined;
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const offset = offsets.get(keyOf(path.slice(0, n)));
      if (offset === undefined) continue;
      lineStarts ??= startsOfLines(text);
      return positionIn(lineStarts, offset);
    }
    return {};
  };
}

/** The line and column (1-based) of an offset in the text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  return positionIn(startsOfLines(text), offset);
}

function positionIn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const line = lastAtMost(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line]! + 1 };
}

const keyOf = (path: readonly (string | number)[]): string => JSON.stringify(path);

/** One level of nesting: an object (with the keys seen so far) or an array, and the key or index of the value being read. */
interface Frame {
  readonly keys: Set<string> | undefined;
  key: string | number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Walks JSON text (already known to be valid), calling `visit` with the path and offset of
 * every value when given; returns the first key that repeats within one object, if any.
 */
function walk(text: string, visit?: (path: readonly (string | number)[], offset: number) => void): { key: string; offset: number } | undefined {
  const stack: Frame[] = [];
  const path = () => stack.map((f) => f.key);
  let expectKey = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a /* : */) {
      i++;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        if (top.keys.has(key)) return { key, offset: i };
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      } else visit?.(path(), i);
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      visit?.(path(), i);
      const object = c === 0x7b;
      stack.push({ keys: object ? new Set() : undefined, key: object ? '' : 0 });
      expectKey = object;
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1]!;
      if (top.keys) expectKey = true;
      else top.key = (top.key as number) + 1;
      i++;
    } else {
      // A number, true, false or null: up to the next separator.
      visit?.(path(), i);
      while (i < text.length && !isSeparator(text.charCodeAt(i))) i++;
    }
  }
  return undefined;
}

function isSeparator(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The offset just past the string that starts at `i` (its closing quote is the first not escaped). */
function stringEnd(text: string, i: number): number {
  for (let from = i + 1; ; ) {
    const q = text.indexOf('"', from);
    if (q < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The index of the last element at most `x` in an ascending list that starts at or below it. */
function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

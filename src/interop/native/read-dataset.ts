/**
 * Reads a native dataset (YAML or JSON) and validates it. Every problem comes back as an issue
 * naming file, line and field.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { DatasetDoc } from '../../core/dataset-schema.js';
import { ValidationError, type Issue } from '../../core/errors.js';
import type { Dataset } from '../../core/model.js';
import { validateDataset, type ExistingRecords } from '../../core/validate-dataset.js';
import { jsonLocator, positionOf, readJson } from './json-text.js';

export interface ReadOptions {
  /** Shown in issues; the path the user gave. */
  readonly file: string;
  readonly existing?: ExistingRecords;
  readonly sourceTexts?: ReadonlyMap<string, string>;
  readonly now?: string;
}

/** Where a problem at a path is in the file: a line and column, or nothing known. */
type Locate = (path: readonly (string | number)[]) => { line?: number; column?: number };

/** Parses and validates a dataset document; throws {@link ValidationError} listing every issue. */
export function readDataset(text: string, opts: ReadOptions): Dataset {
  const { raw, locate } = parse(text, opts.file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError([{ code: 'invalid_field', path: '', message: 'the document must be a mapping with format: isnad/1', file: opts.file, line: 1 }]);
  }
  const shaped = DatasetDoc.safeParse(raw);
  if (!shaped.success) {
    const issues = shaped.error.issues.map((i): Issue => {
      const path = formatPath(i.path as (string | number)[]);
      return { code: i.code === 'invalid_type' && i.message.includes('undefined') ? 'missing_field' : 'invalid_field', path, message: i.message, file: opts.file, ...locate(i.path as (string | number)[]) };
    });
    throw new ValidationError(issues, `${opts.file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the file's shape`);
  }
  const { dataset, issues } = validateDataset(shaped.data, { existing: opts.existing, sourceTexts: opts.sourceTexts, now: opts.now ?? new Date().toISOString() });
  if (issues.length > 0) {
    const located = issues.map((i) => ({ ...i, file: opts.file, ...locate(parsePath(i.path)) }));
    throw new ValidationError(located, `${opts.file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} found`);
  }
  return dataset;
}

/** The value of a YAML or JSON document (JSON read fast), or undefined when it is neither: for a look at what a file names before it is read for real. */
export function documentValue(text: string): unknown {
  try {
    return parse(text, '').raw;
  } catch {
    return undefined;
  }
}

/**
 * The document's value, and how to locate a path in it. JSON goes to `JSON.parse`, with
 * duplicate keys refused and positions found only when a problem needs them (`json-text.ts`);
 * anything else to the YAML parser, which keeps every node's position.
 */
function parse(text: string, file: string): { raw: unknown; locate: Locate } {
  const json = readJson(text);
  if (json && 'duplicate' in json) {
    const at = positionOf(text, json.duplicate.offset);
    throw new ValidationError([{ code: 'invalid_yaml', path: '', message: `the key "${json.duplicate.key}" appears twice in one mapping`, file, ...at }], `${file} is not valid YAML or JSON`);
  }
  if (json) {
    let locate: Locate | undefined;
    return { raw: json.value, locate: (path) => (locate ??= jsonLocator(text))(path) };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length > 0) {
    throw new ValidationError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { code: 'invalid_yaml', path: '', message: e.message.split('\n')[0] ?? 'invalid YAML', file, line: pos?.line, column: pos?.col } satisfies Issue;
      }),
      `${file} is not valid YAML or JSON`,
    );
  }
  try {
    // maxAliasCount guards against alias bombs; an unresolved alias fails here too.
    return { raw: doc.toJS({ maxAliasCount: 100 }), locate: (path) => lineOf(doc, lines, path) };
  } catch (err) {
    throw new ValidationError([{ code: 'invalid_yaml', path: '', message: (err as Error).message.split('\n')[0] ?? 'invalid YAML aliases', file, line: 1 }], `${file} is not valid YAML or JSON`);
  }
}

/** `claims[3].evidence[0].quote` → ['claims', 3, 'evidence', 0, 'quote'] */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** The line of the deepest node that exists along the path. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

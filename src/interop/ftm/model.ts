/**
 * The FollowTheMoney model, read as data from `@opensanctions/followthemoney`'s
 * `defaultModel.json`: schemata with their parents, properties with types and ranges, and the
 * `edge` and `temporalExtent` declarations. The exporter asks the model which properties hold
 * an edge's ends and an interval's dates instead of hard-coding their names, and refuses (throws)
 * a property the schema does not have instead of dropping it silently.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface FtmPropertyDatum {
  readonly name: string;
  readonly type: string;
  readonly range?: string;
  readonly label?: string;
}

export interface FtmSchemaDatum {
  readonly extends?: readonly string[];
  readonly abstract?: boolean;
  /** The schema and all its ancestors. */
  readonly schemata?: readonly string[];
  readonly properties: Readonly<Record<string, FtmPropertyDatum>>;
  readonly edge?: { readonly source: string; readonly target: string; readonly label?: string; readonly directed?: boolean };
  readonly temporalExtent?: { readonly start?: readonly string[]; readonly end?: readonly string[] };
}

interface ModelDatum {
  readonly schemata: Readonly<Record<string, FtmSchemaDatum>>;
  readonly types: Readonly<Record<string, unknown>>;
}

export class FtmModel {
  constructor(private readonly datum: ModelDatum, readonly version: string) {}

  /** The schema named, or an error naming it ("No such schema" hides nothing). */
  schema(name: string): FtmSchemaDatum {
    const s = this.datum.schemata[name];
    if (!s) throw new Error(`FollowTheMoney ${this.version} has no schema "${name}"`);
    return s;
  }

  hasSchema(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.datum.schemata, name);
  }

  /** The schema and its ancestors, nearest first. */
  lineage(name: string): string[] {
    const out: string[] = [];
    const walk = (n: string) => {
      if (out.includes(n)) return;
      out.push(n);
      for (const p of this.schema(n).extends ?? []) walk(p);
    };
    walk(name);
    return out;
  }

  /** Whether `name` is `ancestor` or descends from it. */
  isA(name: string, ancestor: string): boolean {
    return this.hasSchema(name) && this.lineage(name).includes(ancestor);
  }

  /** A property of the schema or an ancestor; undefined when none has it. */
  property(schema: string, prop: string): FtmPropertyDatum | undefined {
    for (const s of this.lineage(schema)) {
      const p = this.schema(s).properties[prop];
      if (p) return p;
    }
    return undefined;
  }

  /** The edge declaration of a schema (its own or inherited). */
  edge(schema: string): FtmSchemaDatum['edge'] {
    for (const s of this.lineage(schema)) { const e = this.schema(s).edge; if (e) return e; }
    return undefined;
  }

  /** The temporal extent of a schema (its own or inherited): start and end property names. */
  temporalExtent(schema: string): { start: readonly string[]; end: readonly string[] } {
    for (const s of this.lineage(schema)) {
      const t = this.schema(s).temporalExtent;
      if (t) return { start: t.start ?? [], end: t.end ?? [] };
    }
    return { start: [], end: [] };
  }
}

let cached: FtmModel | undefined;

/** The model shipped with the installed `@opensanctions/followthemoney` (loaded once). */
export function ftmModel(): FtmModel {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@opensanctions/followthemoney/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  const datum = JSON.parse(readFileSync(pkgPath.replace(/package\.json$/, 'dist/defaultModel.json'), 'utf8')) as ModelDatum;
  cached = new FtmModel(datum, pkg.version);
  return cached;
}

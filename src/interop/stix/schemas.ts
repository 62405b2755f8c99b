/**
 * The official STIX 2.1 JSON Schemas (OASIS cti-stix2-json-schemas, vendored under
 * `vendor/cti-stix2-json-schemas`), compiled once with Ajv (draft 2020-12). The importer uses
 * them to refuse malformed objects; the tests use them to check every exported bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Class, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';

// Both packages are CommonJS whose typings describe an ES default export; require() is
// unambiguous, and loading them only when a bundle is checked keeps CLI start-up light.
const require = createRequire(import.meta.url);

export const STIX_SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'vendor', 'cti-stix2-json-schemas', 'schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

export interface StixValidator {
  /**
   * Validates a bundle with the official `bundle.json`. That schema lists only some object types;
   * an object of a type it omits (grouping, location, note, opinion, extension-definition …)
   * falls to its custom-object branch, which demands that exactly one of two core schemas match,
   * and a well-formed SDO matches both. So the envelope is checked with the listed objects only,
   * and every object — listed or not — must also pass {@link StixValidator.object}.
   */
  bundle(value: unknown): readonly ErrorObject[];
  /** Validates one object against the schema of its type; undefined when the type has no schema. */
  object(value: { type: string }): readonly ErrorObject[] | undefined;
  readonly knownTypes: ReadonlySet<string>;
}

let cached: StixValidator | undefined;

/** SDO types defined by STIX 2.1 that `bundle.json`'s list of object schemas leaves out. */
const BUNDLE_OMITS: ReadonlySet<string> = new Set(['extension-definition', 'grouping', 'location', 'note', 'opinion']);

/** Loads and compiles the vendored schemas (once per process). */
export function stixValidator(): StixValidator {
  if (cached) return cached;
  const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addFormat('idn-hostname', true); // ajv-formats has no IDN check; accept, as the schemas' own README allows
  const byType = new Map<string, string>();
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    for (const file of readdirSync(join(STIX_SCHEMA_DIR, folder)).filter((f) => f.endsWith('.json')).sort()) {
      const schema = JSON.parse(readFileSync(join(STIX_SCHEMA_DIR, folder, file), 'utf8')) as { $id: string };
      ajv.addSchema(schema);
      if (folder !== 'common' || ['extension-definition.json', 'marking-definition.json', 'language-content.json'].includes(file)) byType.set(file.replace(/\.json$/, ''), schema.$id);
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const get = (id: string) => {
    let fn = compiled.get(id);
    if (!fn) {
      fn = ajv.getSchema(id);
      if (!fn) throw new Error(`STIX schema ${id} is missing from ${STIX_SCHEMA_DIR}`);
      compiled.set(id, fn);
    }
    return fn;
  };
  cached = {
    bundle(value) {
      const fn = get(`${BASE}common/bundle.json`);
      const v = value as { objects?: unknown };
      const envelope = v && typeof v === 'object' && Array.isArray(v.objects)
        ? { ...v, objects: v.objects.filter((o) => !(o && typeof o === 'object' && BUNDLE_OMITS.has(String((o as { type?: unknown }).type)))) }
        : value;
      return fn(envelope) ? [] : [...(fn.errors ?? [])];
    },
    object(value) {
      const id = byType.get(value.type);
      if (!id) return undefined;
      const fn = get(id);
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
    knownTypes: new Set(byType.keys()),
  };
  return cached;
}

/** One line per Ajv error: `path: message`. */
export function describeErrors(errors: readonly ErrorObject[], prefix = ''): string[] {
  return errors.map((e) => `${prefix}${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

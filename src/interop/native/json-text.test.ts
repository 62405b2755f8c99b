/**
 * The fast JSON path gives what the YAML parser gave for the same JSON text: the same value,
 * the same refusal of a key repeated in one mapping, and the same line and column for every
 * path (checked against `yaml`'s positions on generated documents, pretty-printed and not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { jsonLocator, readJson } from './json-text.js';

/** Every path to a value in a JSON value. */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

/** Where the YAML parser puts the value at a path (as `read-dataset.ts` located problems before). */
function yamlPosition(text: string, path: (string | number)[]): { line?: number; column?: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const node = doc.getIn(path, true);
  if (!isNode(node) || !node.range) return {};
  const pos = lines.linePos(node.range[0]);
  return { line: pos.line, column: pos.col };
}

// Keys YAML reads as JSON does: no "<<" (a merge key to YAML).
const key = fc.string({ maxLength: 6 }).filter((k) => k !== '<<');
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8 }), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).object;

describe('readJson', () => {
  it('reads any JSON object as JSON.parse does, and finds each value where the YAML parser does', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(readJson(text)).toEqual({ value: JSON.parse(text) });
        const locate = jsonLocator(text);
        for (const path of pathsOf(value)) expect(locate(path), JSON.stringify(path)).toEqual(yamlPosition(text, path));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a key repeated in one object, at the second one, as the YAML parser does; the same key in two objects is fine', () => {
    const text = '{\n  "a": 1,\n  "b": { "x": 1, "y": 2 },\n  "c": [ { "x": 1 }, { "x": 2 } ],\n  "a": 3\n}';
    expect(readJson(text)).toEqual({ duplicate: { key: 'a', offset: text.lastIndexOf('"a"') } });
    expect(parseDocument(text, { uniqueKeys: true }).errors.map((e) => e.code)).toContain('DUPLICATE_KEY');
    expect(readJson('{ "b": { "x": 1, "x": 2 } }')).toMatchObject({ duplicate: { key: 'x' } });
    // Spelled differently, the same key: escapes are read.
    expect(readJson('{ "ab": 1, "a\\u0062": 2 }')).toMatchObject({ duplicate: { key: 'ab' } });
    expect(readJson('{ "a\\"": 1, "a\\\\": 2, "x": "\\\\" }')).toEqual({ value: { 'a"': 1, 'a\\': 2, x: '\\' } });
  });

  it('finds no duplicate where every object has distinct keys (any object)', () => {
    fc.assert(fc.property(json, (value) => 'value' in readJson(JSON.stringify(value))!), { numRuns: 300 });
  });

  it('leaves text that is not JSON to the YAML parser, and locates the deepest value along a path that exists', () => {
    expect(readJson('format: isnad/1\n')).toBeUndefined();
    expect(readJson('{ a: 1 }')).toBeUndefined();
    const text = '{\n  "claims": [\n    { "id": "c1" }\n  ]\n}';
    expect(jsonLocator(text)(['claims', 0, 'evidence', 0, 'quote'])).toEqual({ line: 3, column: 5 });
    expect(jsonLocator(text)(['nothing'])).toEqual({ line: 1, column: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DatasetDoc } from './dataset-schema.js';
import { FIXTURES, MINI } from '../../test/support/fixtures.js';

const committed = JSON.parse(readFileSync(join(FIXTURES, '..', '..', 'schema', 'dataset.schema.json'), 'utf8'));

describe('schema/dataset.schema.json', () => {
  it('is the JSON Schema of the loader’s zod schema (run `npm run schema` after changing it)', () => {
    const { $id: _id, title: _title, ...rest } = committed;
    expect(rest).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(DatasetDoc, { io: 'input', unrepresentable: 'any' }))));
  });

  it('accepts the test dataset and rejects a claim with an unknown field', () => {
    const validate = new Ajv2020({ strict: false }).compile(committed);
    const doc = parse(readFileSync(MINI, 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    doc.claims[0].colour = 'red';
    expect(validate(doc)).toBe(false);
  });
});

/** Writes schema/dataset.schema.json from the zod schemas the loader validates with. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DatasetDoc } from '../src/core/dataset-schema.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'dataset.schema.json');
const schema = { $id: 'https://isnad.invalid/schema/dataset.schema.json', title: 'isnad dataset', ...z.toJSONSchema(DatasetDoc, { io: 'input', unrepresentable: 'any' }) };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${out}`);

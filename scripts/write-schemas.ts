/**
 * Write the published JSON Schemas (schema/*.schema.json) from src/config/schema.ts,
 * the single source of truth. test/config-schema.test.ts checks they are in step.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILES } from '../src/config/schema.js';

const root = join(import.meta.dirname, '..');
for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(join(root, 'schema', name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}`);
}

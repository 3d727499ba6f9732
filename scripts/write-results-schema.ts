// Writes docs/results.schema.json, the JSON Schema of results.json, from the zod schema that is its
// source (a test checks that the file is current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsJsonSchema } from '../shared/results/json-schema.ts';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'results.schema.json'), `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);

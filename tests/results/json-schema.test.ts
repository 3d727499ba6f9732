import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsJsonSchema } from '../../shared/results/json-schema.ts';

describe('the published results.json schema', () => {
  it('docs/results.schema.json is generated from the zod schema and is current', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'results.schema.json'), 'utf8'));
    expect(file).toEqual(resultsJsonSchema());
    expect(file.properties.kind.const).toBe('parscore.results');
    expect(file.required).toEqual(expect.arrayContaining(['agencies', 'groups', 'indicators', 'commendation']));
  });
});

import * as z from 'zod';
import { ResultsV1 } from './schema.ts';

/** results.json as a JSON Schema (draft 2020-12), for people and tools outside TypeScript. */
export function resultsJsonSchema(): Record<string, unknown> {
  return {
    title: 'ParScore results.json (schemaVersion 1)',
    ...z.toJSONSchema(ResultsV1, { io: 'output', unrepresentable: 'any' }),
  };
}

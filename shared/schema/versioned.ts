import * as z from 'zod';
import { type Issue, type Result, fail, issue, ok } from '../util/issue.ts';
import { findPrototypeKey } from '../util/strict-json.ts';
import { zodIssues } from './zod-issues.ts';

/**
 * A document kind with numbered schema versions. Old versions are never edited: each gets a pure
 * migration to the next, and reading any known version yields the latest shape. A version newer than
 * this build knows is refused, so that an older app never rewrites (and damages) a newer file.
 */
export interface VersionedKind<Latest> {
  readonly kind: string;
  readonly latest: number;
  parse(raw: unknown, file?: string): Result<{ value: Latest; migratedFrom: number | null }>;
}

export interface VersionedSpec<Latest> {
  kind: string;
  /** schemaVersion → schema of that version. */
  versions: Record<number, z.ZodType>;
  /** fromVersion → pure function producing the next version's document. */
  migrations: Record<number, (doc: never) => unknown>;
  latest: z.ZodType<Latest>;
  /** How zod paths map to item codes for error messages. */
  locate?: (doc: unknown, path: PropertyKey[]) => { item?: string; field?: string };
}

/** Parses of one schema before it is compiled: a kind read once or twice is not worth the compilation. */
const COMPILE_AFTER = 8;

/**
 * `schema.safeParse`, through the schema compiled by zod (`z.compile`: the same values and the same
 * issues, several times faster) once it has been used COMPILE_AFTER times. Compiling costs a few
 * milliseconds per schema, repaid only where many documents of a kind are read (an import of
 * thousands of submissions). Not where code cannot be generated (jitless, or eval forbidden by a
 * content security policy): zod would fall back to the runtime parser anyway.
 */
function hotParser<T>(schema: z.ZodType<T>): (raw: unknown) => z.ZodSafeParseResult<T> {
  let uses = 0;
  let current = schema;
  return (raw) => {
    if (uses <= COMPILE_AFTER && ++uses > COMPILE_AFTER) current = compiledIfAllowed(schema);
    return current.safeParse(raw);
  };
}

/** The schema compiled by zod (same values and issues, faster on large documents), or itself where code cannot be generated. */
export function compiledIfAllowed<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return z.config().jitless !== true && z.util.allowsEval.value ? z.compile(schema) : schema;
}

export function defineVersioned<Latest>(spec: VersionedSpec<Latest>): VersionedKind<Latest> {
  const numbers = Object.keys(spec.versions).map(Number);
  const latest = Math.max(...numbers);
  const parsers = new Map(Object.entries(spec.versions).map(([v, schema]) => [Number(v), hotParser(schema)]));
  const parseLatest = hotParser(spec.latest);
  return {
    kind: spec.kind,
    latest,
    parse(raw, file) {
      const at = file ? { file } : {};
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        return fail([issue('doc.not_object', at, { kind: spec.kind })]);
      }
      const rec = raw as Record<string, unknown>;
      if (rec.kind !== spec.kind) {
        return fail([issue('doc.wrong_kind', at, { expected: spec.kind, actual: String(rec.kind ?? '—') })]);
      }
      const version = rec.schemaVersion;
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        return fail([issue('doc.bad_version', at, { kind: spec.kind })]);
      }
      if (version > latest) {
        return fail([issue('doc.future_version', at, { kind: spec.kind, version, latest })]);
      }
      // zod's records drop a `__proto__` key silently: a document naming one is refused instead.
      const reserved = findPrototypeKey(raw);
      if (reserved) return fail([issue('doc.prototype_key', { ...at, field: reserved.path }, { key: reserved.key, path: reserved.path })]);
      const schema = spec.versions[version];
      const parseVersion = parsers.get(version);
      if (!schema || !parseVersion) return fail([issue('doc.bad_version', at, { kind: spec.kind })]);
      const parsed = parseVersion(raw);
      if (!parsed.success) return fail(zodIssues(parsed.error, raw, at, spec.locate));
      // Already the latest version, checked by the latest schema: checking it again would only cost time.
      if (version === latest && schema === spec.latest) return ok({ value: parsed.data as Latest, migratedFrom: null });
      let doc: unknown = parsed.data;
      for (let v = version; v < latest; v++) {
        const step = spec.migrations[v];
        if (!step) return fail([issue('doc.no_migration', at, { kind: spec.kind, version: v })]);
        doc = (step as (d: unknown) => unknown)(doc);
      }
      const final = parseLatest(doc);
      if (!final.success) return fail(zodIssues(final.error, doc, at, spec.locate));
      return ok({ value: final.data, migratedFrom: version === latest ? null : version });
    },
  };
}

export type { Issue };

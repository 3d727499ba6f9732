import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NominationsDoc } from '../../electron/services/store/cycle-docs.ts';
import {
  AppraisalDoc,
  AssessmentDoc,
  CampaignDoc,
  SubmissionDoc,
  SurveyDoc,
  TemplateDoc,
  type VersionedKind,
  WorkspaceIndexDoc,
} from '../../shared/schema/index.ts';

/*
 * Every persisted document kind keeps one fixture per schema version under
 * tests/fixtures/schema/<kind>/v<N>.json. Adding version N+1 means adding its schema, the
 * migration from N and the fixture v<N+1>.json: this test then checks that every older fixture
 * still migrates to a valid latest document.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'schema');
const KINDS: Record<string, VersionedKind<unknown>> = {
  template: TemplateDoc,
  campaign: CampaignDoc,
  assessment: AssessmentDoc,
  workspace: WorkspaceIndexDoc,
  appraisal: AppraisalDoc,
  survey: SurveyDoc,
  submission: SubmissionDoc,
  nominations: NominationsDoc,
};

describe('schema fixtures', () => {
  it('has a folder for every document kind and nothing else', async () => {
    expect((await readdir(FIXTURES)).sort()).toEqual(Object.keys(KINDS).sort());
  });

  for (const [name, kind] of Object.entries(KINDS)) {
    it(`${name}: a fixture for every version 1..${kind.latest}, each parsing and migrating to a valid latest document`, async () => {
      const files = (await readdir(join(FIXTURES, name))).sort();
      expect(files).toEqual(Array.from({ length: kind.latest }, (_, i) => `v${i + 1}.json`).sort());
      for (const file of files) {
        const version = Number(file.slice(1, -'.json'.length));
        const raw: unknown = JSON.parse(await readFile(join(FIXTURES, name, file), 'utf8'));
        expect((raw as { schemaVersion: unknown }).schemaVersion, file).toBe(version);
        const r = kind.parse(raw, `${name}/${file}`);
        expect(r.ok ? [] : r.error, `${name}/${file}`).toEqual([]);
        if (!r.ok) continue;
        expect(r.value.migratedFrom).toBe(version === kind.latest ? null : version);
        const latest = r.value.value as { kind: string; schemaVersion: number };
        expect(latest.kind).toBe(kind.kind);
        expect(latest.schemaVersion).toBe(kind.latest);
        // The migrated document is a fixed point: reading it again changes nothing.
        const again = kind.parse(JSON.parse(JSON.stringify(latest)));
        expect(again.ok && again.value.value).toEqual(latest);
      }
    });
  }
});

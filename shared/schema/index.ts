import { AssessmentV1, ASSESSMENT_KIND, type Assessment } from './assessment.ts';
import { CampaignV1, CAMPAIGN_KIND, type Campaign } from './campaign.ts';
import { TemplateV1, TEMPLATE_KIND, type Template } from './template.ts';
import { defineVersioned } from './versioned.ts';
import { WorkspaceIndexV1, WORKSPACE_KIND, type WorkspaceIndex } from './workspace.ts';
import { locateByCode } from './zod-issues.ts';

export * from './agency.ts';
export * from './assessment.ts';
export * from './campaign.ts';
export * from './common.ts';
export * from './template.ts';
export * from './workspace.ts';
export { defineVersioned, type VersionedKind } from './versioned.ts';
export { formatPath } from './zod-issues.ts';

/*
 * Every persisted or exchanged document kind, with its versions and migrations. To change a
 * document: copy the latest schema to V(n+1), add migrations[n], add a fixture under
 * tests/fixtures/schema/<kind>/v<n>.json, and never edit an old version.
 */
export const TemplateDoc = defineVersioned<Template>({
  kind: TEMPLATE_KIND,
  versions: { 1: TemplateV1 },
  migrations: {},
  latest: TemplateV1,
  locate: locateByCode,
});

export const CampaignDoc = defineVersioned<Campaign>({
  kind: CAMPAIGN_KIND,
  versions: { 1: CampaignV1 },
  migrations: {},
  latest: CampaignV1,
  locate: locateByCode,
});

export const AssessmentDoc = defineVersioned<Assessment>({
  kind: ASSESSMENT_KIND,
  versions: { 1: AssessmentV1 },
  migrations: {},
  latest: AssessmentV1,
  locate: locateByCode,
});

export const WorkspaceIndexDoc = defineVersioned<WorkspaceIndex>({
  kind: WORKSPACE_KIND,
  versions: { 1: WorkspaceIndexV1 },
  migrations: {},
  latest: WorkspaceIndexV1,
  locate: locateByCode,
});

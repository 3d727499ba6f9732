import { AssessmentV1, AssessmentV2, ASSESSMENT_KIND, type Assessment, migrateAssessmentV1 } from './assessment.ts';
import { APPRAISAL_KIND, AppraisalV1, AppraisalV2, type Appraisal, migrateAppraisalV1 } from './appraisal.ts';
import { AWARD_OVERRIDES_KIND, AwardOverridesV1, type AwardOverrides } from './awards.ts';
import { CampaignV1, CampaignV2, CampaignV3, CampaignV4, CampaignV5, CAMPAIGN_KIND, type Campaign, migrateCampaignV1, migrateCampaignV2, migrateCampaignV3, migrateCampaignV4 } from './campaign.ts';
import {
  APPRAISAL_PACKAGE_KIND,
  AppraisalPackageV1,
  AppraisalPackageV2,
  type AppraisalPackage,
  CAMPAIGN_PACKAGE_KIND,
  CampaignPackageV1,
  type CampaignPackage,
  type Manifest,
  ManifestV2,
  SUBMISSION_KIND,
  SubmissionV1,
  SubmissionV2,
  type Submission,
  migrateAppraisalPackageV1,
  migrateSubmissionV1,
} from './package.ts';
import { SURVEY_KIND, SurveyResultsV1, type SurveyResults } from './survey.ts';
import { TemplateV1, TemplateV2, TEMPLATE_KIND, type Template, migrateTemplateV1 } from './template.ts';
import { defineVersioned } from './versioned.ts';
import { WorkspaceIndexV1, WorkspaceIndexV2, WORKSPACE_KIND, type WorkspaceIndex, migrateWorkspaceIndexV1 } from './workspace.ts';
import { locateByCode } from './zod-issues.ts';

export * from './agency.ts';
export * from './appraisal.ts';
export * from './audit.ts';
export * from './backup.ts';
export * from './awards.ts';
export * from './nomination.ts';
export * from './package.ts';
export * from './survey.ts';
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
  versions: { 1: TemplateV1, 2: TemplateV2 },
  migrations: { 1: migrateTemplateV1 },
  latest: TemplateV2,
  locate: locateByCode,
});

export const CampaignDoc = defineVersioned<Campaign>({
  kind: CAMPAIGN_KIND,
  versions: { 1: CampaignV1, 2: CampaignV2, 3: CampaignV3, 4: CampaignV4, 5: CampaignV5 },
  migrations: { 1: migrateCampaignV1, 2: migrateCampaignV2, 3: migrateCampaignV3, 4: migrateCampaignV4 },
  latest: CampaignV5,
  locate: locateByCode,
});

export const AssessmentDoc = defineVersioned<Assessment>({
  kind: ASSESSMENT_KIND,
  versions: { 1: AssessmentV1, 2: AssessmentV2 },
  migrations: { 1: migrateAssessmentV1 },
  latest: AssessmentV2,
  locate: locateByCode,
});

export const WorkspaceIndexDoc = defineVersioned<WorkspaceIndex>({
  kind: WORKSPACE_KIND,
  versions: { 1: WorkspaceIndexV1, 2: WorkspaceIndexV2 },
  migrations: { 1: migrateWorkspaceIndexV1 },
  latest: WorkspaceIndexV2,
  locate: locateByCode,
});

export const AppraisalDoc = defineVersioned<Appraisal>({ kind: APPRAISAL_KIND, versions: { 1: AppraisalV1, 2: AppraisalV2 }, migrations: { 1: migrateAppraisalV1 }, latest: AppraisalV2, locate: locateByCode });
export const SurveyDoc = defineVersioned<SurveyResults>({ kind: SURVEY_KIND, versions: { 1: SurveyResultsV1 }, migrations: {}, latest: SurveyResultsV1, locate: locateByCode });
export const SubmissionDoc = defineVersioned<Submission>({ kind: SUBMISSION_KIND, versions: { 1: SubmissionV1, 2: SubmissionV2 }, migrations: { 1: migrateSubmissionV1 }, latest: SubmissionV2, locate: locateByCode });
export const AppraisalPackageDoc = defineVersioned<AppraisalPackage>({ kind: APPRAISAL_PACKAGE_KIND, versions: { 1: AppraisalPackageV1, 2: AppraisalPackageV2 }, migrations: { 1: migrateAppraisalPackageV1 }, latest: AppraisalPackageV2 });
export const CampaignPackageDoc = defineVersioned<CampaignPackage>({ kind: CAMPAIGN_PACKAGE_KIND, versions: { 1: CampaignPackageV1 }, migrations: {}, latest: CampaignPackageV1 });
/** Only version 2 is read: container.ts refuses a version 1 file (exchange format 1) by name before this parse. */
export const ManifestDoc = defineVersioned<Manifest>({ kind: 'parscore.manifest', versions: { 2: ManifestV2 }, migrations: {}, latest: ManifestV2 });
export const AwardOverridesDoc = defineVersioned<AwardOverrides>({ kind: AWARD_OVERRIDES_KIND, versions: { 1: AwardOverridesV1 }, migrations: {}, latest: AwardOverridesV1 });

/**
 * The scoring cycle between Home Affairs and the agencies: campaign file out, agency workspace set
 * up from it, signed submissions (export / verify), import at Home Affairs with a verdict per file,
 * appraisal rounds with an audit log, the appraisal file back to the agency, its explanations and a
 * new revision, final lock.
 */
export { setupHomeAffairs, workspaceIdentity } from './identity.ts';
export { exportCampaignPackage, initAgencyWorkspace, openCampaignPackage, setExemption, setIssuer, type ExemptionChange, type IssuerChange, type InitAgencyOptions, type OpenedCampaign } from './campaign.ts';
export {
  addEvidence,
  checkSubmissionContent,
  exportSubmission,
  prepareSubmission,
  openSubmission,
  setNominations,
  verifySubmission,
  type ContentContext,
  type EvidenceMeta,
  type ExportedSubmission,
  type OpenedSubmission,
  type SubmissionSummary,
} from './submission.ts';
export {
  importSubmissions,
  type CancelledVerdict,
  type DuplicateVerdict,
  type ImportInput,
  type AcceptedKey,
  type ImportOptions,
  type ImportProgress,
  type ImportVerdict,
  type RejectedVerdict,
  type StoredVerdict,
} from './import.ts';
export {
  exportAppraisal,
  importAppraisal,
  markFalsifiedEvidence,
  setAppraisalAdjustment,
  setAppraisalStatus,
  setAppraisedScore,
  setExplanation,
  type AdjustmentOptions,
  type ChangeOptions,
  type ScoreOptions,
} from './appraisal.ts';
export { readAudit, type AuditFilter } from './audit.ts';
export { readSubmittedEvidence } from './received-evidence.ts';
export { endOfDayVietnam, isLate } from './common.ts';

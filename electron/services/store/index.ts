export {
  BACKUP_COUNT,
  backupPath,
  fsyncDir,
  withFileLock,
  writeFileDurable,
  writeFileDurableNow,
  type DurableWriteOptions,
} from './durable-file.ts';
export { ValidatedJsonFile, serialize, type Migration, type Recovery, type ValidatedJsonFileOptions } from './json-store.ts';
export { FileLock, isAlive, readLockHolder, type LockHolder } from './lock.ts';
export { agencyFileName, codeFromFileName, CORRUPT_FILE_PATTERN } from './names.ts';
export {
  ASSESSMENTS_DIR,
  CAMPAIGN_FILE,
  LOCK_FILE,
  TEMPLATES_DIR,
  WORKSPACE_FILE,
  WorkspaceStore,
  type RecoveryListener,
  type StoredEvidence,
  type WorkspaceAgencyInput,
  type WorkspaceInit,
  type WorkspaceTransaction,
} from './workspace.ts';
export { type AuditLine, type AuditLog } from './audit-log.ts';
export {
  APPRAISALS_DIR,
  AUDIT_FILE,
  EVIDENCE_DIR,
  NOMINATIONS_DIR,
  NOMINATIONS_FILE,
  NOMINATIONS_KIND,
  NominationsDoc,
  NominationsV1,
  RECEIVED_DIR,
  SURVEY_FILE,
  type Nominations,
} from './cycle-docs.ts';
export { sha256Hex } from './evidence.ts';
export { JOURNAL_FILE } from './journal.ts';

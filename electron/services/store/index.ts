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
  type WorkspaceAgencyInput,
  type WorkspaceInit,
} from './workspace.ts';

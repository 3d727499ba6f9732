import type { store as vi } from '../vi/store.ts';

export const store: Record<keyof typeof vi, string> = {
  'store.not_workspace': 'The folder {dir} is not a ParScore workspace (it has no valid workspace.json).',
  'store.already_workspace': 'The folder {dir} is already a ParScore workspace; open it instead of creating a new one.',
  'store.folder_not_empty': 'The folder {dir} is not empty; choose an empty folder for a new workspace.',
  'store.locked':
    'The workspace {dir} is open for writing in process {pid} on computer {hostname} (since {when}). Close ParScore there, or open the workspace read-only.',
  'store.locked_elsewhere':
    'The workspace {dir} is open on computer {hostname} (since {when}); this computer cannot check whether ParScore is still running there. Close ParScore on {hostname} and open it again. Choose "Open anyway" only if you are sure ParScore there has stopped (the computer was switched off): two places writing at once damage the data.',
  'store.lock_copied':
    'The workspace {dir} was copied from {from} while it was open on computer {hostname} (since {when}), so it carried the original\'s lock file. ParScore has opened this copy. Check that it is the copy you mean to work in: anything entered in the original after it was copied is not here.',
  'store.lock_forced':
    'The workspace {dir} was opened although its lock file says it is open on computer {hostname} (process {pid}, since {when}). If ParScore is still running there, close it now so that two places do not write at once.',
  'store.lock_unreadable':
    'The workspace {dir} is locked by another process (its lock file .parscore.lock cannot be read yet). Try again in a few seconds.',
  'store.lock_failed': 'Could not create the lock file in the folder {dir} ({detail}).',
  'store.closed': 'The workspace {dir} is closed.',
  'store.read_only': 'The workspace is open read-only, so nothing can be written.',
  'store.read_failed': 'Could not read the file ({detail}).',
  'store.write_failed': 'Could not write the file ({detail}); the previous content on disk is intact.',
  'store.sync_failed': 'The file was written, but the operating system could not confirm it reached the disk ({detail}); please check the drive.',
  'store.invalid_document': 'The document is invalid and was not saved; the file on disk was not changed.',
  'store.empty_file': 'The file is empty.',
  'store.not_utf8': 'The file is not valid UTF-8 text.',
  'store.recovered':
    'The file was damaged: it was moved to {movedTo} and restored from the backup {restoredFrom}. Please check your most recent changes.',
  'store.restored_missing': 'The file was missing and was restored from the backup {restoredFrom}. Please check your most recent changes.',
  'store.corrupt_no_backup':
    'The file is damaged and has no valid backup, so this document could not be recovered. The damaged copy was kept at {movedTo}; nothing was overwritten.',
  'store.missing_no_backup': 'The file is missing and has no valid backup to restore.',
  'store.corrupt_read_only':
    'The file is damaged; the workspace is open read-only, so it was not repaired. Open the workspace for writing to restore it from a backup.',
  'store.missing_read_only':
    'The file is missing; the workspace is open read-only, so it was not restored from its backup. Open the workspace for writing.',
  'store.migrated': 'The file was upgraded from schema version {from} to {to}; the original was kept at {keptAt}.',
  'store.unsafe_code':
    'The agency code “{code}” cannot be used as a file name: it must not be empty, contain folder separators or the characters \\ / : * ? " < > |, contain “..”, start or end with a dot or a space, or be a reserved Windows name (CON, PRN, AUX, NUL, COM1, LPT1…).',
  'store.code_collision':
    'The agency code “{code}” clashes with “{other}” as a file name (letter case is ignored); change one of the two codes.',
  'store.duplicate_agency': 'The agency code “{code}” appears more than once in the list of agencies.',
  'store.agency_mismatch': 'The self-assessment belongs to agency {actual}, which does not match the agency {expected} of its file.',
  'store.template_conflict':
    'Template {id} version {version} is already in the workspace with different content; new content needs a new version number.',
  'store.template_mismatch': 'The file holds template {actual}, which does not match its file name ({expected}).',
  'store.bad_template_ref': 'Invalid template reference: {ref}.',
  'store.template_missing': 'The workspace has no template {id}.',
  'store.no_template_for_group': 'The campaign assigns no template to the agency group {group}.',
  'store.agency_unknown': 'This agency is not in the workspace’s list of agencies.',
  'store.bad_sha256': 'The SHA-256 hash “{sha256}” is invalid (64 lower-case hexadecimal characters expected).',
  'store.bad_revision': 'The revision {revision} is invalid (a positive whole number expected).',
  'store.evidence_hash_mismatch': 'The evidence file does not match its hash: expected {expected}, computed {actual}.',
  'store.evidence_corrupt':
    'An evidence file in the workspace is damaged: its content no longer matches the hash {expected} (computed {actual}). Please add this file again.',
  'store.audit_bad_line': 'Line {line} of the audit log is not a valid entry ({detail}); the line was left as it is.',
  'store.journal_unreadable':
    'The journal of an interrupted change cannot be read ({detail}), so it cannot be undone safely; the workspace was not opened. Please contact support and leave the folder as it is.',
  'store.rollback_failed': 'An interrupted change could not be undone ({detail}); the next time the workspace is opened it will be tried again.',
  'store.transaction_rolled_back':
    'A change that was interrupted (power cut or the app closed) was undone: {files} files were put back as they were before it.',
  'store.transaction_pending':
    'A change was interrupted and has not been undone yet, so what you see may be inconsistent. Open the workspace for writing to undo it.',
};

/*
 * Entry names inside a package zip. Only plain relative paths are accepted: forward slashes, no
 * `..`, `.` or empty segments, no drive letters, no characters Windows refuses in file names, at
 * most 300 characters (the manifest's limit). Duplicates are found after Unicode NFC and case
 * folding, so that no two entries can land on the same file on a case-insensitive disk.
 */

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'signature.json';
export const MAX_ENTRY_NAME = 300;

/** Segments of letters, digits, `_` and `-`, joined by single dots inside a segment and single slashes. */
const PLAIN_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*(?:\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)*$/;

/** The message key of what is wrong with an entry name, or null when it is acceptable. */
export function entryNameProblem(name: string): string | null {
  // Every name the writer makes (`submission.json`, `evidence/<sha256>`) passes every check below.
  if (name.length <= MAX_ENTRY_NAME && PLAIN_NAME.test(name)) return null;
  if (name.length === 0) return 'package.entry_name_empty';
  if (/^[A-Za-z]:/.test(name)) return 'package.entry_name_drive';
  if (name.startsWith('/')) return 'package.entry_name_absolute';
  if (name.includes('\\')) return 'package.entry_name_backslash';
  const segments = name.split('/');
  if (segments.includes('..')) return 'package.entry_name_dotdot';
  if (name.length > MAX_ENTRY_NAME) return 'package.entry_name_invalid';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f:*?"<>|]/.test(name)) return 'package.entry_name_invalid';
  if (segments.some((s) => s === '' || s === '.' || s.endsWith('.') || s.endsWith(' '))) {
    return 'package.entry_name_invalid';
  }
  return null;
}

/** The key two names collide under: NFC, then full case folding (ß → ss) approximated by upper→lower. */
export function foldName(name: string): string {
  // ASCII (every name the writer makes): NFC leaves it as it is, and upper→lower is lower.
  if (isAscii(name)) return name.toLowerCase();
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** Whether a name is one of the two reserved entries, in any case. */
export function isReservedName(name: string): boolean {
  return isReservedFold(foldName(name));
}

/** Whether a folded name (foldName) is one of the two reserved entries. */
export function isReservedFold(fold: string): boolean {
  return fold === MANIFEST_FILE || fold === SIGNATURE_FILE;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

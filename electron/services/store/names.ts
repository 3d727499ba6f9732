import { type Result, fail, issue, ok } from '../../../shared/util/issue.ts';

/** `<name>.corrupt-<yyyymmddThhmmss>[-n].json`: a damaged file moved aside (never deleted). */
export const CORRUPT_FILE_PATTERN = /\.corrupt-\d{8}T\d{6}(?:-\d+)?\.json$/;

const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
// Path separators, characters Windows forbids in names, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * The file name an agency's assessment is stored under: the code itself (NFC, so Vietnamese
 * letters stay readable and macOS decomposition does not change it) plus `.json`. Codes that could
 * escape the folder or that some OS cannot store are refused rather than rewritten, so two codes
 * never share a file: empty, path separators or forbidden characters, `..`, a leading or trailing
 * dot or space, reserved Windows device names (CON, NUL, COM1 … also with an extension), names that
 * look like our backup/corrupt copies, over 100 characters.
 */
export function agencyFileName(code: string): Result<string> {
  const refuse = () => fail([issue('store.unsafe_code', { agency: code }, { code })]);
  if (typeof code !== 'string') return refuse();
  const name = code.normalize('NFC');
  if (name.length === 0 || name.length > 100) return refuse();
  if (FORBIDDEN_CHARS.test(name)) return refuse();
  if (name.includes('..')) return refuse();
  if (/^[.\s]|[.\s]$/.test(name)) return refuse();
  const stem = name.split('.')[0]?.trim() ?? '';
  if (WINDOWS_RESERVED.test(stem)) return refuse();
  const file = `${name}.json`;
  if (CORRUPT_FILE_PATTERN.test(file)) return refuse();
  return ok(file);
}

/** The agency code stored in a file name, or null for files that are not assessments (backups, temp files …). */
export function codeFromFileName(fileName: string): string | null {
  const name = fileName.normalize('NFC');
  if (!name.endsWith('.json') || name.startsWith('.') || CORRUPT_FILE_PATTERN.test(name)) return null;
  const code = name.slice(0, -'.json'.length);
  const back = agencyFileName(code);
  return back.ok && back.value === name ? code : null;
}

/** Two codes that would land in the same file on a case-insensitive disk (Windows, macOS) share this key. */
export function fileKey(code: string): string {
  return code.normalize('NFC').toLowerCase();
}

/** Local time as yyyymmddThhmmss, for names of files moved aside. */
export function fileStamp(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}T${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

import { basename, dirname } from 'node:path';
import { formatIssue, type Lang, t } from '../../../shared/i18n/index.ts';
import type { Recovery } from '../store/json-store.ts';
import { codeFromFileName, fileKey } from '../store/names.ts';

const AGENCY_DIRS = new Set(['assessments', 'appraisals', 'nominations']);

/**
 * One line per repair for the window's notice: the agency whose file it was (name and code) when
 * it is an agency's file, then what happened to which file and its detail, in the user's language.
 */
export function noticeText(lang: Lang, r: Recovery, agencies: readonly { code: string; name: string }[]): string {
  const [first, ...details] = r.issues;
  // The details are about the same file: said once, at the start.
  const file = first?.at?.file;
  const said = details.map((i) => formatIssue(lang, i.at?.file === file ? { ...i, at: { ...i.at, file: undefined } } : i));
  const text = [first ? formatIssue(lang, first) : '', ...(said.length ? [t(lang, 'start.notice.detail', { detail: said.join(' ') })] : [])].join(' ');
  const code = AGENCY_DIRS.has(basename(dirname(r.file))) ? codeFromFileName(basename(r.file)) : null;
  const agency = code === null ? undefined : agencies.find((a) => fileKey(a.code) === fileKey(code));
  return agency ? `${t(lang, 'start.notice.agency', { name: agency.name, code: agency.code })} ${text}` : text;
}

/**
 * The audit log view of the window: every entry in words (what changed, from → to, who, when),
 * filtered by agency, item, person, round and days, and the filtered rows exported as CSV. The same
 * log as `parscore appraisal log` (cycle/audit.ts readAudit).
 */
import type { AuditFilterInput, AuditRow, AuditView } from '../../shared/ipc/audit.ts';
import { type Lang, formatDate, formatIssue, formatNumber, hasMessage, t } from '../../shared/i18n/index.ts';
import type { AuditEntry } from '../../shared/schema/index.ts';
import { readAudit } from './cycle/audit.ts';
import type { WorkspaceStore } from './store/workspace.ts';

/** Vietnam is UTC+7 all year: the office's clock, whatever the machine's zone. */
const VN_OFFSET_MS = 7 * 3600_000;

/** "08/12/2026 14:05" (Vietnamese) or "2026-12-08 14:05", Vietnam time. */
export function auditWhen(lang: Lang, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + VN_OFFSET_MS).toISOString();
  return `${formatDate(lang, local)} ${local.slice(11, 16)}`;
}

/** An entry's value as a clerk reads it: points "8,5", a status or yes/no in words, a date, a council decision. */
function valueText(lang: Lang, field: AuditEntry['field'], v: AuditEntry['old']): string {
  if (v === null) return '—';
  if (typeof v === 'number') return formatNumber(lang, v);
  if (typeof v === 'boolean') return t(lang, v ? 'report.input.yes' : 'report.input.no');
  if (field === 'status' && hasMessage(`app.status.${v}`)) return t(lang, `app.status.${v}`);
  if (field === 'award' && hasMessage(`awardsui.audit.${v}`)) return t(lang, `awardsui.audit.${v}`);
  if (field === 'received') return formatDate(lang, v);
  return v;
}

function whatText(lang: Lang, e: AuditEntry): string {
  const field = t(lang, `report.audit.field.${e.field}`);
  if (e.field === 'award') return t(lang, 'auditui.what.award', { field, rule: e.item ?? '', subject: e.subject ?? e.agency });
  if (!e.item) return field;
  return t(lang, 'auditui.what.item', { field, item: e.template ? `${e.template}/${e.item}` : e.item });
}

/** The first and last instant of a day in Vietnam (yyyy-mm-dd). */
const dayStart = (d: string) => Date.parse(`${d}T00:00:00.000+07:00`);
const dayEnd = (d: string) => Date.parse(`${d}T23:59:59.999+07:00`);

export async function auditView(ws: WorkspaceStore, lang: Lang, f: AuditFilterInput): Promise<AuditView> {
  const log = await readAudit(ws, {
    ...(f.agency ? { agency: f.agency } : {}),
    ...(f.round ? { round: f.round } : {}),
    ...(f.from ? { since: new Date(dayStart(f.from)).toISOString() } : {}),
    ...(f.to ? { until: new Date(dayEnd(f.to)).toISOString() } : {}),
  });
  const all = await ws.readAudit();
  const names = new Map((ws.campaign()?.agencies ?? []).map((a) => [a.code, a.name]));
  const item = f.item?.trim().toLowerCase();
  const person = f.person?.normalize('NFC');
  const rows: AuditRow[] = [];
  for (const { line, entry: e } of log.entries) {
    if (person && e.who.name.normalize('NFC') !== person) continue;
    // An item as the log names it: "1.2", or "iso-9001/A1" for an additional template's item; an award's rule too.
    if (item && ![e.item, e.template && e.item ? `${e.template}/${e.item}` : null].some((x) => x?.toLowerCase() === item)) continue;
    rows.push({
      line,
      at: e.at,
      when: auditWhen(lang, e.at),
      who: e.who.name,
      agency: e.agency,
      agencyName: names.get(e.agency) ?? '',
      what: whatText(lang, e),
      from: valueText(lang, e.field, e.old),
      to: valueText(lang, e.field, e.new),
      round: e.round,
      reason: e.reason ?? '',
    });
  }
  const seen = new Set(all.entries.map((l) => l.entry.agency));
  return {
    rows,
    total: all.entries.length,
    agencies: [...seen].sort().map((code) => ({ code, name: names.get(code) ?? '' })),
    people: [...new Set(all.entries.map((l) => l.entry.who.name))].sort(),
    problems: [...log.issues, ...log.chain.breaks].map((i) => formatIssue(lang, i)),
  };
}

/** A CSV field: quoted when needed; a text starting like a formula gets a leading ' (as the reports' cells do). */
function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The rows as CSV, UTF-8 with a BOM (Excel then reads the Vietnamese right), one header line in the user's language. */
export function auditCsv(lang: Lang, rows: readonly AuditRow[]): string {
  const head = ['line', 'when', 'who', 'agency', 'agency_name', 'what', 'from', 'to', 'round', 'reason'].map((k) => t(lang, `auditui.col.${k}`));
  const lines = [head, ...rows.map((r) => [r.line, r.when, r.who, r.agency, r.agencyName, r.what, r.from, r.to, r.round, r.reason])];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** What every report is given: the published results, the campaign, the language, the date and the footer. */
import type { Lang } from '../../../../shared/i18n/index.ts';
import { t } from '../../../../shared/i18n/index.ts';
import type { Results } from '../../../../shared/results/schema.ts';
import type { Campaign } from '../../../../shared/schema/campaign.ts';
import type { WorkspaceStore } from '../../store/workspace.ts';
import type { ReportFooter } from './sheet.ts';

export interface ReportContext {
  results: Results;
  campaign: Campaign;
  lang: Lang;
  /** The report's date (in the header's "…, ngày … tháng … năm …"). */
  date: Date;
  /** The document number of Home Affairs' reports ("Số: 45/BC-SNV"); unset: each report's blank number, filled in by hand. */
  documentNo?: string;
  footer: ReportFooter;
  /** The workspace, for the reports that read the agencies' documents. */
  ws?: WorkspaceStore;
}

/** What the user sets in the reports' header block: the document's date and number. */
export interface ReportOptions {
  /** The document date, yyyy-mm-dd (default: today). */
  date?: string;
  /** The document number, e.g. "45/BC-SNV" (default: the blank number printed for filling in by hand). */
  number?: string;
}

/** Longest document number taken (NĐ 30/2020 numbers are short: "123/BC-SNV"). */
export const DOCUMENT_NO_MAX = 60;

/** The header's document number when the user gave one (spread into a ReportHeader). */
export function documentNoOf(ctx: ReportContext): { documentNo?: string } {
  return ctx.documentNo === undefined ? {} : { documentNo: ctx.documentNo };
}

/**
 * The capacity line of a deputy who signs on the head's behalf: "PHÓ GIÁM ĐỐC" signs under
 * "KT. GIÁM ĐỐC" (ký thay, NĐ 30/2020); a head signs without one.
 */
export function signingCapacity(title: string, lang: Lang): string | undefined {
  const m = /^\s*PHÓ\s+(.+)$/iu.exec(title.normalize('NFC'));
  return m?.[1] ? t(lang, 'report.kit.onBehalf', { title: m[1].toLocaleUpperCase('vi') }) : undefined;
}

/** Home Affairs' footer: the usual recipients and the campaign's signer. */
export function defaultFooter(campaign: Campaign, lang: Lang): ReportFooter {
  const { signerTitle, signerName } = campaign.issuer;
  const capacity = signingCapacity(signerTitle, lang);
  return {
    // Set with the campaign (its issuer's "Nơi nhận"), else the usual ones.
    recipients: campaign.issuer.recipients ?? [
      t(lang, 'report.kit.recipient.province'),
      t(lang, 'report.kit.recipient.departments'),
      t(lang, 'report.kit.recipient.localities'),
      t(lang, 'report.kit.recipient.keep'),
    ],
    signer: capacity ? { capacity, title: signerTitle, name: signerName } : { title: signerTitle, name: signerName },
  };
}

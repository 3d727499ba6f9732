import * as z from 'zod';
import { Code, EvidenceRef } from '../schema/index.ts';
import { pickedFile } from './files.ts';
import { TemplateChoice } from './assessment.ts';

/**
 * The largest evidence file: one entry of a submission package (electron/services/packages/container.ts
 * DEFAULT_LIMITS.maxEntryBytes; tests/main/entry-evidence.test.ts checks they agree). The renderer
 * refuses a larger file before sending it; main refuses it again.
 */
export const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;

/** What a person types about a document; the date as dd/mm/yyyy (or yyyy-mm-dd). Checked by the service. */
export const EvidenceDetailsInput = z.strictObject({
  docNo: z.string().max(2000).optional(),
  date: z.string().max(100).optional(),
  issuer: z.string().max(2000).optional(),
  title: z.string().max(5000).optional(),
});

/** The evidence file picked or dropped (bytes or, in the desktop app, its path): shared/ipc/files.ts. */
export const EvidenceFileInput = pickedFile(MAX_EVIDENCE_BYTES);

/** Which document of the item: its 1-based position in the list. */
const Which = z.number().int().min(1).max(200);

export interface EntryUpdate {
  /** The item's documents after the change. */
  evidence: EvidenceRef[];
  explanation: string | null;
  changed: boolean;
}

/** Channels of an item's supporting documents and explanation (electron/services/entry/evidence.ts). */
export const entryChannels = {
  'entry:addEvidence': {
    input: z.strictObject({ agency: Code, template: TemplateChoice, item: Code, details: EvidenceDetailsInput, file: EvidenceFileInput }),
    output: z.custom<EntryUpdate>(),
  },
  'entry:editEvidence': {
    input: z.strictObject({ agency: Code, template: TemplateChoice, item: Code, index: Which, details: EvidenceDetailsInput }),
    output: z.custom<EntryUpdate>(),
  },
  'entry:removeEvidence': { input: z.strictObject({ agency: Code, template: TemplateChoice, item: Code, index: Which }), output: z.custom<EntryUpdate>() },
  'entry:setExplanation': {
    input: z.strictObject({ agency: Code, template: TemplateChoice, item: Code, text: z.string().max(40000).nullable() }),
    output: z.custom<EntryUpdate>(),
  },
} as const;

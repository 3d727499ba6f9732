import * as z from 'zod';
import type { LocalizedText, Nomination } from '../schema/index.ts';
import { Code } from '../schema/index.ts';
import type { DeclaredReadOnly } from './declared.ts';

/** An award the campaign's commendation rules offer (the nomination's `proposedAward`). */
export interface AwardOption {
  id: string;
  award: LocalizedText;
}

export interface NominationsView {
  nominations: Nomination[];
  awards: { collective: AwardOption[]; individual: AwardOption[] };
  readOnly: DeclaredReadOnly;
}

/**
 * The columns as the form sends them: plain values, checked by the nomination schema in the
 * service, which names each missing or wrong column in the user's words (not by this contract).
 */
const Columns = z.record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]));

/** Channels of the agency's commendation proposals (electron/services/entry/nominations.ts). */
export const nominationsChannels = {
  'nominations:list': { input: z.strictObject({ agency: Code }), output: z.custom<NominationsView>() },
  'nominations:add': { input: z.strictObject({ agency: Code, nomination: Columns }), output: z.custom<{ nomination: Nomination }>() },
  'nominations:edit': { input: z.strictObject({ agency: Code, id: Code, patch: Columns }), output: z.custom<{ nomination: Nomination; changed: boolean }>() },
  'nominations:remove': { input: z.strictObject({ agency: Code, id: Code }), output: z.custom<{ nomination: Nomination }>() },
} as const;

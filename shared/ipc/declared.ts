import * as z from 'zod';
import type { Indicator, IndicatorValue, LocalizedText } from '../schema/index.ts';
import { Code } from '../schema/index.ts';

/** Why the agency's own figures, bonus and penalty cannot be changed here, in the user's words; null when they can. */
export type DeclaredReadOnly = { code: string; reason: string } | null;

/** The ranked template's declared figures (số liệu kê khai), each with its definition (type, unit, range) and value. */
export interface FiguresView {
  template: { id: string; title: LocalizedText };
  figures: { def: Indicator; value: IndicatorValue }[];
  readOnly: DeclaredReadOnly;
}

/** One bonus or penalty item of the template: its maximum, the points claimed and the reason given. */
export interface AdjustmentRow {
  code: string;
  title: LocalizedText;
  max: number;
  points: number | null;
  note: string | null;
}

export interface AdjustmentBlockView {
  /** The most the block may add (bonus) or take off (penalty) in all. */
  cap: number;
  total: number;
  items: AdjustmentRow[];
}

export interface AdjustmentsView {
  bonus: AdjustmentBlockView;
  penalty: AdjustmentBlockView;
  /** The agency's totals after the adjustments (points). */
  total: number;
  max: number;
  readOnly: DeclaredReadOnly;
}

/**
 * A figure as the window sends it: a typed value (a number read the user's way, yes/no), or
 * `{ text }` read by the figure's own type in main (so a wrong entry is refused in the figure's words).
 */
export const FigureValueInput = z.union([z.strictObject({ text: z.string().max(5000) }), z.boolean(), z.number(), z.string().max(5000)]).nullable();

/** Channels of the agency's declared figures and its own bonus and penalty (electron/services/entry/{figures,adjustments}.ts). */
export const declaredChannels = {
  'figures:list': { input: z.strictObject({ agency: Code }), output: z.custom<FiguresView>() },
  'figures:set': {
    input: z.strictObject({ agency: Code, code: Code, value: FigureValueInput }),
    output: z.custom<{ code: string; value: IndicatorValue; changed: boolean }>(),
  },
  'adjustments:list': { input: z.strictObject({ agency: Code }), output: z.custom<AdjustmentsView>() },
  'adjustments:set': {
    input: z.strictObject({ agency: Code, block: z.enum(['bonus', 'penalty']), code: Code, points: z.number().finite().nullable(), note: z.string().max(2000).optional() }),
    output: z.custom<AdjustmentsView & { changed: boolean }>(),
  },
} as const;

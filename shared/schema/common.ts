import * as z from 'zod';

/** A code as printed in decisions: "1", "1.2", "1.2.3", "TH1", "ISO-A1". */
export const Code = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, { error: 'invalid_code' })
  .max(40)
  // Names of the prototype chain are never codes: as object keys they would be dropped or shadow built-ins.
  .refine((s) => s !== 'constructor' && s !== 'prototype', { error: 'reserved_code' });
export type Code = z.infer<typeof Code>;

export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'invalid_slug' }).max(80);

/** Text with a mandatory Vietnamese form and an optional English one. */
export const LocalizedText = z.strictObject({
  vi: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Calendar date as YYYY-MM-DD (no time zone games for deadlines and decision dates). */
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Points = z.number().finite().nonnegative();

/**
 * The kinds of agencies a template applies to. Communes include wards and townships; districts
 * exist only in the three-tier model (up to 2025).
 */
export const AgencyGroup = z.enum(['department', 'district', 'commune']);
export type AgencyGroup = z.infer<typeof AgencyGroup>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

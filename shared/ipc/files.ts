import * as z from 'zod';

/** Characters of the base64 text of `bytes` bytes (padded). */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** A file's own name only: no folder, no control characters. */
export const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[/\\]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20) && s !== '.' && s !== '..');

/**
 * A file the user picked or dropped, as the window can give it:
 * - its bytes in base64 (the browser mode; the window reads the file). Slightly more text than the
 *   limit is let through so that main can say "too large" with the sizes;
 * - its path on disk (the desktop app: `webUtils.getPathForFile` in the preload, or a native
 *   dialog). Main accepts a path only from the desktop window and reads the file itself.
 */
export function pickedFile(maxBytes: number) {
  return z.union([
    z.strictObject({
      name: FileName,
      bytesBase64: z
        .string()
        .max(base64Length(maxBytes) + 8)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    z.strictObject({ path: z.string().min(1).max(4096) }),
  ]);
}
export type PickedFile = z.infer<ReturnType<typeof pickedFile>>;

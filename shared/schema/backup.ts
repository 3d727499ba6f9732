import * as z from 'zod';
import { IsoDateTime, Sha256Hex } from './common.ts';

export const BACKUP_KIND = 'parscore.workspace-backup';
/** The manifest's name inside a backup file (a zip). */
export const BACKUP_MANIFEST = 'parscore-backup.json';

/** A backup's list of every file it holds, with its size and SHA-256: a restore checks each against it. */
export const BackupManifestV1 = z.strictObject({
  kind: z.literal(BACKUP_KIND),
  schemaVersion: z.literal(1),
  createdAt: IsoDateTime,
  workspace: z.strictObject({ id: z.string().min(1).max(100), name: z.string().max(300) }),
  files: z.array(z.strictObject({ path: z.string().min(1).max(1000), size: z.number().int().nonnegative(), sha256: Sha256Hex })).max(1_000_000),
});
export type BackupManifest = z.infer<typeof BackupManifestV1>;

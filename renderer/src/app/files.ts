import type { PickedFile } from '../../../shared/ipc/index.ts';
import { isDesktop } from './bridge.ts';

/** A file's bytes as base64, in chunks (a large file overflows one String.fromCharCode call). */
export async function fileBase64(f: Blob): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * What main is given for a file the user picked or dropped: in the desktop app its path (the
 * preload's `webUtils.getPathForFile`; main reads the file, nothing large crosses IPC), in the
 * browser mode, or for a file that is not on disk, its bytes.
 */
export async function toPickedFile(f: File): Promise<PickedFile> {
  const path = isDesktop ? window.parscore?.pathForFile(f) : '';
  if (path) return { path };
  return { name: f.name, bytesBase64: await fileBase64(f) };
}

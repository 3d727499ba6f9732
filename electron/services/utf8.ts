import { isAscii, isUtf8, transcode } from 'node:buffer';

/** Above this, text is decoded without the transcoder's intermediate copy (twice its size). */
const TRANSCODE_MAX_BYTES = 1024 * 1024;

/**
 * The text of UTF-8 bytes, null if they are not valid UTF-8 (as a fatal TextDecoder with ignoreBOM
 * decodes them, a BOM kept as a character). isUtf8 and then the fastest decoder for the text: ASCII
 * as Latin-1, other text through ICU's transcoder to UTF-16 (twice as fast as Node 20's UTF-8
 * decoder on Vietnamese text, and the same code units for valid UTF-8), up to a size where the
 * transcoder's intermediate copy would weigh. Thousands of documents are decoded per import and
 * per consolidation.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buf)) return buf.toString('latin1');
  if (!isUtf8(buf)) return null;
  if (buf.byteLength > TRANSCODE_MAX_BYTES) return buf.toString('utf8');
  try {
    return transcode(buf, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return buf.toString('utf8'); // a build without ICU
  }
}

/*
 * The bits of a deflate stream that its content leaves free. Two streams can inflate to the same
 * bytes and differ in bits a decoder skips or that describe a code no data uses; a package whose
 * deflated entry was changed in such bits still has the signed content, so the CRC-32 and the
 * SHA-256 manifest see nothing. Deflate data cannot be compared with the writer's by compressing
 * again (zlib versions choose different matches), but zlib sets these bits by fixed rules, whatever
 * matches it chose (trees.c; Node and Electron both use Chromium's copy of zlib). writePackage runs
 * this check on what it wrote, so a zlib that ever sets them otherwise fails there, loudly:
 *
 *   - padding to a byte boundary (before a stored block, after the final block) is zero;
 *   - a dynamic block describes exactly its codes: a code has a length only if the block uses it,
 *     except the codes zlib adds to make a tree of at least two (build_tree); the header counts
 *     stop at the last code with a length (at least 257 literal/length codes, 4 code length codes);
 *   - the code lengths are run-length encoded as zlib's send_tree does, the literal/length and the
 *     distance lengths each on their own.
 *
 * What is left free is how the content is matched: a change of a few bits that points a match at
 * another, farther copy of the same bytes inflates to the same content and is not found here (seen
 * about once in 200,000 random one-byte changes of a manifest, never with a single bit flipped).
 */

/** A problem found in deflate data: the index of the byte in that data, and what is wrong. */
export interface DeflateDeviation {
  index: number;
  detail: string;
}

/**
 * Walks a raw deflate stream (one zlib has already inflated without error) from its first bit to
 * its last and checks the free bits above; null when they are as zlib writes them. Reads no more
 * than the stream and allocates no output.
 */
export function checkDeflateStream(raw: Uint8Array): DeflateDeviation | null {
  const bits = new BitReader(raw);
  try {
    let last = false;
    while (!last) {
      const blockStart = bits.position();
      last = bits.take(1) === 1;
      const type = bits.take(2);
      let problem: DeflateDeviation | null = null;
      if (type === 0) {
        if (bits.leftover() !== 0) return { index: bits.offset - 1, detail: 'padding bits before a stored block' };
        bits.align();
        const len = bits.takeBytes(2);
        const nlen = bits.takeBytes(2);
        if (len !== (~nlen & 0xffff)) return { index: bits.offset - 4, detail: 'stored block length' };
        bits.skipBytes(len);
      } else if (type === 1) {
        walkCodes(bits, FIXED_LITERALS, FIXED_DISTANCES, null, null);
      } else if (type === 2) {
        problem = dynamicBlock(bits, blockStart);
      } else {
        return { index: byteOf(blockStart), detail: 'invalid block type' };
      }
      if (problem) return problem;
    }
  } catch (e) {
    if (e instanceof DeflateError) return { index: Math.min(bits.offset, Math.max(raw.byteLength - 1, 0)), detail: e.message };
    throw e;
  }
  if (bits.leftover() !== 0) return { index: bits.offset - 1, detail: 'padding bits after the end of the deflate stream' };
  if (bits.offset !== raw.byteLength) return { index: bits.offset, detail: 'bytes after the end of the deflate stream' };
  return null;
}

class DeflateError extends Error {}

function byteOf(bit: number): number {
  return Math.floor(bit / 8);
}

/** Bits of a deflate stream, least significant first. Never holds more than 7 bits of a byte not yet taken. */
class BitReader {
  offset = 0;
  private buffer = 0;
  private count = 0;
  constructor(private readonly data: Uint8Array) {}

  /** Index of the next bit to take, from the start of the stream. */
  position(): number {
    return this.offset * 8 - this.count;
  }

  take(n: number): number {
    let value = this.buffer;
    while (this.count < n) {
      if (this.offset >= this.data.byteLength) throw new DeflateError('deflate data cut short');
      value |= (this.data[this.offset++] as number) << this.count;
      this.count += 8;
    }
    this.buffer = value >>> n;
    this.count -= n;
    return value & ((1 << n) - 1);
  }

  /** The next n bits without taking them, or -1 if the stream has fewer left. */
  peek(n: number): number {
    let value = this.buffer;
    let count = this.count;
    let at = this.offset;
    while (count < n) {
      if (at >= this.data.byteLength) return -1;
      value |= (this.data[at++] as number) << count;
      count += 8;
    }
    return value & ((1 << n) - 1);
  }

  /** The bits not yet taken of the byte before `offset`. */
  leftover(): number {
    return this.buffer & ((1 << this.count) - 1);
  }

  align(): void {
    this.buffer = 0;
    this.count = 0;
  }

  takeBytes(n: number): number {
    if (this.offset + n > this.data.byteLength) throw new DeflateError('deflate data cut short');
    let v = 0;
    for (let k = 0; k < n; k++) v |= (this.data[this.offset + k] as number) << (8 * k);
    this.offset += n;
    return v >>> 0;
  }

  skipBytes(n: number): void {
    if (this.offset + n > this.data.byteLength) throw new DeflateError('deflate data cut short');
    this.offset += n;
  }
}

/**
 * A canonical Huffman code: how many codes of each length, the symbols in code order, and a
 * lookup table of the codes up to FAST_BITS long, by their next FAST_BITS bits as read (entry:
 * symbol << 4 | length, 0 for a longer code), so that most symbols are decoded in one step.
 */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
  fast: Int32Array;
}

const FAST_BITS = 9;

const MAX_BITS = 15;

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] as number;
    counts[len] = (counts[len] as number) + 1;
  }
  counts[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - (counts[len] as number);
    if (left < 0) throw new DeflateError('over-subscribed Huffman code');
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = (offsets[len] as number) + (counts[len] as number);
  const symbols = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] as number;
    if (len === 0) continue;
    const at = offsets[len] as number;
    symbols[at] = s;
    offsets[len] = at + 1;
  }
  const fast = new Int32Array(1 << FAST_BITS);
  let code = 0;
  let index = 0;
  for (let len = 1; len <= MAX_BITS; len++) {
    for (let k = 0; k < (counts[len] as number); k++, code++) {
      const symbol = symbols[index++] as number;
      if (len > FAST_BITS) continue;
      // Codes are sent most significant bit first, and read here least significant first.
      let reversed = 0;
      for (let b = 0; b < len; b++) reversed |= ((code >> b) & 1) << (len - 1 - b);
      for (let fill = reversed; fill < 1 << FAST_BITS; fill += 1 << len) fast[fill] = (symbol << 4) | len;
    }
    code <<= 1;
  }
  return { counts, symbols, fast };
}

function decode(bits: BitReader, h: Huffman): number {
  const next = bits.peek(FAST_BITS);
  if (next >= 0) {
    const entry = h.fast[next] as number;
    if (entry !== 0) {
      bits.take(entry & 15);
      return entry >>> 4;
    }
  }
  // A code longer than FAST_BITS, or the last bits of the stream: one bit at a time.
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= MAX_BITS; len++) {
    code |= bits.take(1);
    const count = h.counts[len] as number;
    if (code - first < count) return h.symbols[index + code - first] as number;
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  throw new DeflateError('invalid Huffman code');
}

const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const LITERAL_CODES = 286;
const DISTANCE_CODES = 30;
const CODE_LENGTH_CODES = 19;
const END_OF_BLOCK = 256;

const FIXED_LITERALS = huffman(new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288));
const FIXED_DISTANCES = huffman(new Uint8Array(30).fill(5));

/** The symbols of a tree zlib gives a length: those used, plus the ones build_tree adds to make at least two. */
function zlibCoded(used: Uint8Array): Uint8Array {
  const coded = used.slice();
  let count = 0;
  let maxCode = -1;
  for (let s = 0; s < used.length; s++) {
    if (used[s]) {
      count++;
      maxCode = s;
    }
  }
  while (count < 2) {
    const node = maxCode < 2 ? ++maxCode : 0;
    coded[node] = 1;
    count++;
  }
  return coded;
}

/** The code lengths of one tree run-length encoded as zlib's send_tree does: [symbol, extra bits value] pairs. */
function zlibRunLengths(lengths: ArrayLike<number>, out: number[]): void {
  let prevlen = -1;
  let nextlen = lengths.length > 0 ? (lengths[0] as number) : -1;
  let count = 0;
  let maxCount = nextlen === 0 ? 138 : 7;
  let minCount = nextlen === 0 ? 3 : 4;
  for (let n = 0; n < lengths.length; n++) {
    const curlen = nextlen;
    nextlen = n + 1 < lengths.length ? (lengths[n + 1] as number) : -1;
    if (++count < maxCount && curlen === nextlen) continue;
    if (count < minCount) {
      for (; count > 0; count--) out.push(curlen, 0);
    } else if (curlen !== 0) {
      if (curlen !== prevlen) {
        out.push(curlen, 0);
        count--;
      }
      out.push(16, count - 3);
    } else if (count <= 10) out.push(17, count - 3);
    else out.push(18, count - 11);
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) {
      maxCount = 138;
      minCount = 3;
    } else if (curlen === nextlen) {
      maxCount = 6;
      minCount = 3;
    } else {
      maxCount = 7;
      minCount = 4;
    }
  }
}

/** The first symbol whose having a length differs between `lengths` and `coded`, or -1. */
function firstMiscoded(lengths: ArrayLike<number>, coded: Uint8Array): number {
  for (let s = 0; s < Math.max(lengths.length, coded.length); s++) {
    const has = s < lengths.length && (lengths[s] as number) !== 0;
    const should = s < coded.length && coded[s] === 1;
    if (has !== should) return s;
  }
  return -1;
}

function dynamicBlock(bits: BitReader, blockStart: number): DeflateDeviation | null {
  const nlen = bits.take(5) + 257;
  const ndist = bits.take(5) + 1;
  const ncode = bits.take(4) + 4;
  if (nlen > LITERAL_CODES || ndist > DISTANCE_CODES) throw new DeflateError('too many length or distance codes');
  const codeLengths = new Uint8Array(CODE_LENGTH_CODES);
  for (let i = 0; i < ncode; i++) codeLengths[CODE_LENGTH_ORDER[i] as number] = bits.take(3);
  if (ncode > 4 && codeLengths[CODE_LENGTH_ORDER[ncode - 1] as number] === 0) {
    return { index: byteOf(blockStart + 13), detail: 'dynamic block header: number of code length codes' };
  }
  const lengthCode = huffman(codeLengths);

  // The code lengths, and where the run-length symbol that gave each one starts.
  const total = nlen + ndist;
  const lengths = new Uint8Array(total);
  const tokenAt: number[] = [];
  const tokens: number[] = [];
  const tokenOfLength = new Int32Array(total);
  let index = 0;
  while (index < total) {
    const start = bits.position();
    const sym = decode(bits, lengthCode);
    let extra = 0;
    let len = 0;
    let repeat = 1;
    if (sym < 16) len = sym;
    else if (sym === 16) {
      if (index === 0) throw new DeflateError('repeated length with no first length');
      len = lengths[index - 1] as number;
      extra = bits.take(2);
      repeat = 3 + extra;
    } else if (sym === 17) {
      extra = bits.take(3);
      repeat = 3 + extra;
    } else {
      extra = bits.take(7);
      repeat = 11 + extra;
    }
    if (index + repeat > total) throw new DeflateError('too many code lengths');
    tokenOfLength.fill(tokenAt.length, index, index + repeat);
    lengths.fill(len, index, index + repeat);
    index += repeat;
    tokenAt.push(start);
    tokens.push(sym, extra);
  }
  const literalLengths = lengths.subarray(0, nlen);
  const distanceLengths = lengths.subarray(nlen);
  if (literalLengths[END_OF_BLOCK] === 0) throw new DeflateError('no end-of-block code');
  if (literalLengths[nlen - 1] === 0) return { index: byteOf(blockStart + 3), detail: 'dynamic block header: number of literal/length codes' };
  if (distanceLengths[ndist - 1] === 0) return { index: byteOf(blockStart + 8), detail: 'dynamic block header: number of distance codes' };

  const expected: number[] = [];
  zlibRunLengths(literalLengths, expected);
  zlibRunLengths(distanceLengths, expected);
  for (let k = 0; k < Math.max(tokens.length, expected.length); k += 2) {
    if (tokens[k] !== expected[k] || tokens[k + 1] !== expected[k + 1]) {
      const at = tokenAt[Math.min(k / 2, tokenAt.length - 1)] as number;
      return { index: byteOf(at), detail: 'dynamic block header: run-length encoding of the code lengths' };
    }
  }
  const usedLengthSymbols = new Uint8Array(CODE_LENGTH_CODES);
  for (let k = 0; k < tokens.length; k += 2) usedLengthSymbols[tokens[k] as number] = 1;
  if (firstMiscoded(codeLengths, zlibCoded(usedLengthSymbols)) >= 0) {
    return { index: byteOf(blockStart + 17), detail: 'dynamic block header: a code length code no length uses' };
  }

  const usedLiterals = new Uint8Array(LITERAL_CODES);
  const usedDistances = new Uint8Array(DISTANCE_CODES);
  walkCodes(bits, huffman(literalLengths), huffman(distanceLengths), usedLiterals, usedDistances);
  const literal = firstMiscoded(literalLengths, zlibCoded(usedLiterals));
  if (literal >= 0) {
    return { index: byteOf(tokenAt[tokenOfLength[Math.min(literal, nlen - 1)] as number] as number), detail: 'dynamic block header: a literal/length code the block does not use' };
  }
  const distance = firstMiscoded(distanceLengths, zlibCoded(usedDistances));
  if (distance >= 0) {
    return { index: byteOf(tokenAt[tokenOfLength[nlen + Math.min(distance, ndist - 1)] as number] as number), detail: 'dynamic block header: a distance code the block does not use' };
  }
  return null;
}

function walkCodes(bits: BitReader, lit: Huffman, dist: Huffman, usedLiterals: Uint8Array | null, usedDistances: Uint8Array | null): void {
  for (;;) {
    const sym = decode(bits, lit);
    if (usedLiterals) usedLiterals[sym] = 1;
    if (sym < END_OF_BLOCK) continue;
    if (sym === END_OF_BLOCK) return;
    const l = sym - 257;
    if (l >= 29) throw new DeflateError('invalid length code');
    bits.take(LENGTH_EXTRA[l] as number);
    const d = decode(bits, dist);
    if (d >= 30) throw new DeflateError('invalid distance code');
    if (usedDistances) usedDistances[d] = 1;
    bits.take(DISTANCE_EXTRA[d] as number);
  }
}

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
      if (type === 0) {
        if (bits.leftover() !== 0) return { index: bits.byteOffset() - 1, detail: 'padding bits before a stored block' };
        bits.align();
        const len = bits.takeBytes(2);
        const nlen = bits.takeBytes(2);
        if (len !== (~nlen & 0xffff)) return { index: bits.offset - 4, detail: 'stored block length' };
        bits.skipBytes(len);
      } else if (type === 1) {
        walkCodes(bits, FIXED_LITERALS, FIXED_DISTANCES);
      } else if (type === 2) {
        const problem = dynamicBlock(bits, blockStart);
        if (problem) return problem;
      } else {
        return { index: byteOf(blockStart), detail: 'invalid block type' };
      }
    }
  } catch (e) {
    if (e instanceof DeflateError) return { index: e.index, detail: e.message };
    throw e;
  }
  if (bits.leftover() !== 0) return { index: bits.byteOffset() - 1, detail: 'padding bits after the end of the deflate stream' };
  if (bits.byteOffset() !== raw.byteLength) return { index: bits.byteOffset(), detail: 'bytes after the end of the deflate stream' };
  return null;
}

/** Malformed data (zlib refuses such a stream): reported at `index`, the byte where reading stopped. */
class DeflateError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

function byteOf(bit: number): number {
  return Math.floor(bit / 8);
}

/** Bits kept ahead in the buffer after a refill: a literal/length code and its extra bits (15 + 5). */
const REFILL_BITS = 24;

/**
 * Bits of a deflate stream, least significant first, read ahead a byte at a time into a buffer of
 * at most 31 bits (so `>>` takes them). Past the end of the data it reads zero bytes (at most 3),
 * so a code is looked up in one step whatever is left; whoever takes bits checks, before reporting
 * anything else, that they were in the data (`position() <= end`), and reports "cut short" if not.
 */
class BitReader {
  /** Index of the next byte to read into the buffer (may pass the end by the zero bytes read). */
  offset = 0;
  buffer = 0;
  count = 0;
  readonly length: number;
  /** Number of bits in the data. */
  readonly end: number;
  constructor(readonly data: Uint8Array) {
    this.length = data.byteLength;
    this.end = data.byteLength * 8;
  }

  /** Index of the next bit to take, from the start of the stream. */
  position(): number {
    return this.offset * 8 - this.count;
  }

  /** Index of the byte that holds the next bit to take, rounded up to the next whole byte. */
  byteOffset(): number {
    return Math.ceil(this.position() / 8);
  }

  /** Malformed data, found with the next bit to take at `bit`. */
  fail(detail: string, bit = this.position()): never {
    throw new DeflateError(Math.min(Math.ceil(bit / 8), Math.max(this.length - 1, 0)), detail);
  }

  cutShort(): never {
    throw new DeflateError(Math.max(this.length - 1, 0), 'deflate data cut short');
  }

  /** At least REFILL_BITS in the buffer; zero bits past the end of the data. */
  refill(): void {
    while (this.count < REFILL_BITS) {
      if (this.offset < this.length) {
        this.buffer |= (this.data[this.offset] as number) << this.count;
      } else if (this.offset >= this.length + 3) {
        // Only reached when the next bit to take is past the end (fewer than 24 bits are ahead of it).
        this.cutShort();
      }
      this.offset++;
      this.count += 8;
    }
  }

  take(n: number): number {
    if (this.count < n) this.refill();
    const value = this.buffer & ((1 << n) - 1);
    this.buffer >>= n;
    this.count -= n;
    if (this.position() > this.end) this.cutShort();
    return value;
  }

  /** The symbol entry (see Code) of the next code, taken. */
  decode(c: Code): number {
    if (this.count < REFILL_BITS) this.refill();
    let entry = c.table[this.buffer & c.mask] as number;
    if (entry === 0) entry = slowEntry(this, c, this.offset, this.buffer, this.count);
    const n = entry & 15;
    this.buffer >>= n;
    this.count -= n;
    if (this.position() > this.end) this.cutShort();
    return entry;
  }

  /** The bits not yet taken of the byte that holds the next bit. */
  leftover(): number {
    return this.buffer & ((1 << (this.count & 7)) - 1);
  }

  align(): void {
    this.offset = this.byteOffset();
    this.buffer = 0;
    this.count = 0;
  }

  /** After align() only. */
  takeBytes(n: number): number {
    if (this.offset + n > this.length) this.fail('deflate data cut short', this.offset * 8);
    let v = 0;
    for (let k = 0; k < n; k++) v |= (this.data[this.offset + k] as number) << (8 * k);
    this.offset += n;
    return v >>> 0;
  }

  /** After align() only. */
  skipBytes(n: number): void {
    if (this.offset + n > this.length) this.fail('deflate data cut short', this.offset * 8);
    this.offset += n;
  }
}

const MAX_BITS = 15;

/**
 * A canonical Huffman code, decoded by a table of its next `bits` bits as read; an entry is
 * symbol << 8 | (extra bits after the symbol) << 4 | code length, and 0 for a code longer than
 * `bits` or no code at all, left to slowDecode. Tables are reused from block to block.
 */
class Code {
  readonly table: Int32Array;
  readonly mask: number;
  /** Codes of each length. */
  readonly counts = new Int32Array(MAX_BITS + 1);
  /** Entries (without the length) in code order. */
  readonly symbols: Int32Array;
  constructor(
    readonly bits: number,
    size: number,
  ) {
    this.table = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.symbols = new Int32Array(size);
  }
}

const REVERSE_BITS = 10;
/** Each REVERSE_BITS-bit number with its bits reversed: codes are sent most significant bit first. */
const REVERSED = new Uint16Array(1 << REVERSE_BITS).map((_, v) => {
  let r = 0;
  for (let b = 0; b < REVERSE_BITS; b++) r |= ((v >> b) & 1) << (REVERSE_BITS - 1 - b);
  return r;
});

const offsetsScratch = new Int32Array(MAX_BITS + 2);

/** Makes `c` the code of lengths[start, start + n); false when the lengths over-subscribe a code. */
function build(c: Code, lengths: Uint8Array, start: number, n: number, extra: Uint8Array): boolean {
  const counts = c.counts;
  counts.fill(0);
  for (let s = 0; s < n; s++) {
    const len = lengths[start + s] as number;
    counts[len] = (counts[len] as number) + 1;
  }
  counts[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - (counts[len] as number);
    if (left < 0) return false;
  }
  const offsets = offsetsScratch;
  offsets[1] = 0;
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = (offsets[len] as number) + (counts[len] as number);
  const symbols = c.symbols;
  for (let s = 0; s < n; s++) {
    const len = lengths[start + s] as number;
    if (len === 0) continue;
    const at = offsets[len] as number;
    symbols[at] = (s << 8) | ((extra[s] as number) << 4);
    offsets[len] = at + 1;
  }
  const table = c.table;
  const size = table.length;
  table.fill(0);
  let code = 0;
  let index = 0;
  for (let len = 1; len <= c.bits; len++) {
    const count = counts[len] as number;
    for (let k = 0; k < count; k++, code++) {
      const entry = (symbols[index++] as number) | len;
      for (let fill = (REVERSED[code] as number) >>> (REVERSE_BITS - len); fill < size; fill += 1 << len) table[fill] = entry;
    }
    code <<= 1;
  }
  return true;
}

/** The entry of a code not in the table, from the next 15 bits of `buffer`; -1 when they start no code. */
function slowDecode(c: Code, buffer: number): number {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= MAX_BITS; len++) {
    code |= (buffer >>> (len - 1)) & 1;
    const count = c.counts[len] as number;
    if (code - first < count) return (c.symbols[index + code - first] as number) | len;
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  return -1;
}

const LITERAL_CODES = 286;
const DISTANCE_CODES = 30;
const CODE_LENGTH_CODES = 19;
const END_OF_BLOCK = 256;
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Extra bits after each literal/length symbol (286 and 287 are invalid) and distance symbol. */
const LITERAL_EXTRA = new Uint8Array(288);
LITERAL_EXTRA.set([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0], END_OF_BLOCK + 1);
const DISTANCE_EXTRA = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
/** None in the entries of the code length code: dynamicBlock takes the extra bits of 16, 17 and 18 itself. */
const CODE_LENGTH_EXTRA = new Uint8Array(CODE_LENGTH_CODES);

const FIXED_LITERALS = new Code(9, 288);
build(FIXED_LITERALS, new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288), 0, 288, LITERAL_EXTRA);
const FIXED_DISTANCES = new Code(5, DISTANCE_CODES);
build(FIXED_DISTANCES, new Uint8Array(DISTANCE_CODES).fill(5), 0, DISTANCE_CODES, DISTANCE_EXTRA);

// Scratch of dynamicBlock and walkCodes, reused from block to block (the check runs synchronously).
const literals = new Code(10, LITERAL_CODES);
const distances = new Code(8, DISTANCE_CODES);
const codeLengthCode = new Code(7, CODE_LENGTH_CODES);
const codeLengthLengths = new Uint8Array(CODE_LENGTH_CODES);
const MAX_LENGTHS = LITERAL_CODES + DISTANCE_CODES;
/** The literal/length and distance code lengths of the block. */
const blockLengths = new Uint8Array(MAX_LENGTHS);
/** The run-length symbols read: where each starts, its symbol, its extra bits value, its first length. */
const tokenAt = new Float64Array(MAX_LENGTHS);
const tokenSymbol = new Int32Array(MAX_LENGTHS);
const tokenExtra = new Int32Array(MAX_LENGTHS);
const tokenFirst = new Int32Array(MAX_LENGTHS);
/** The run-length symbols zlib would have written. */
const expectedSymbol = new Int32Array(MAX_LENGTHS);
const expectedExtra = new Int32Array(MAX_LENGTHS);
const usedCodeLengths = new Uint8Array(CODE_LENGTH_CODES);
const usedLiterals = new Uint8Array(288);
const usedDistances = new Uint8Array(DISTANCE_CODES);

/** Marks, in the symbols `used` of a tree, those build_tree adds to make at least two. */
function addZlibCoded(used: Uint8Array, size: number): void {
  let count = 0;
  let maxCode = -1;
  for (let s = 0; s < size; s++) {
    if (used[s]) {
      count++;
      maxCode = s;
    }
  }
  while (count < 2) {
    const node = maxCode < 2 ? ++maxCode : 0;
    used[node] = 1;
    count++;
  }
}

/** The first symbol below `size` that has a length in lengths[start, start + n) and is not `coded`, or the other way round; -1 if none. */
function firstMiscoded(lengths: Uint8Array, start: number, n: number, coded: Uint8Array, size: number): number {
  const both = Math.min(n, size);
  for (let s = 0; s < both; s++) {
    if ((lengths[start + s] !== 0) !== (coded[s] === 1)) return s;
  }
  for (let s = both; s < n; s++) if (lengths[start + s] !== 0) return s;
  for (let s = both; s < size; s++) if (coded[s] === 1) return s;
  return -1;
}

/**
 * Writes to expectedSymbol/expectedExtra, from index `at`, the code lengths lengths[start, start + n)
 * run-length encoded as zlib's send_tree does; returns the index after the last written.
 */
function zlibRunLengths(lengths: Uint8Array, start: number, n: number, at: number): number {
  let prevlen = -1;
  let nextlen = n > 0 ? (lengths[start] as number) : -1;
  let count = 0;
  let maxCount = nextlen === 0 ? 138 : 7;
  let minCount = nextlen === 0 ? 3 : 4;
  for (let i = 0; i < n; i++) {
    const curlen = nextlen;
    nextlen = i + 1 < n ? (lengths[start + i + 1] as number) : -1;
    if (++count < maxCount && curlen === nextlen) continue;
    if (count < minCount) {
      for (; count > 0; count--) {
        expectedSymbol[at] = curlen;
        expectedExtra[at++] = 0;
      }
    } else if (curlen !== 0) {
      if (curlen !== prevlen) {
        expectedSymbol[at] = curlen;
        expectedExtra[at++] = 0;
        count--;
      }
      expectedSymbol[at] = 16;
      expectedExtra[at++] = count - 3;
    } else if (count <= 10) {
      expectedSymbol[at] = 17;
      expectedExtra[at++] = count - 3;
    } else {
      expectedSymbol[at] = 18;
      expectedExtra[at++] = count - 11;
    }
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
  return at;
}

/** The run-length symbol (of `tokens`) that gave code length `index`. */
function tokenOf(index: number, tokens: number): number {
  let t = 0;
  while (t + 1 < tokens && (tokenFirst[t + 1] as number) <= index) t++;
  return t;
}

function dynamicBlock(bits: BitReader, blockStart: number): DeflateDeviation | null {
  const nlen = bits.take(5) + 257;
  const ndist = bits.take(5) + 1;
  const ncode = bits.take(4) + 4;
  if (nlen > LITERAL_CODES || ndist > DISTANCE_CODES) bits.fail('too many length or distance codes');
  codeLengthLengths.fill(0);
  for (let i = 0; i < ncode; i++) codeLengthLengths[CODE_LENGTH_ORDER[i] as number] = bits.take(3);
  if (ncode > 4 && codeLengthLengths[CODE_LENGTH_ORDER[ncode - 1] as number] === 0) {
    return { index: byteOf(blockStart + 13), detail: 'dynamic block header: number of code length codes' };
  }
  if (!build(codeLengthCode, codeLengthLengths, 0, CODE_LENGTH_CODES, CODE_LENGTH_EXTRA)) bits.fail('over-subscribed Huffman code');

  // The code lengths, and the run-length symbols that gave them.
  const total = nlen + ndist;
  let tokens = 0;
  let index = 0;
  while (index < total) {
    const start = bits.position();
    const sym = bits.decode(codeLengthCode) >>> 8;
    let extra = 0;
    let len = 0;
    let repeat = 1;
    if (sym < 16) len = sym;
    else if (sym === 16) {
      if (index === 0) bits.fail('repeated length with no first length');
      len = blockLengths[index - 1] as number;
      extra = bits.take(2);
      repeat = 3 + extra;
    } else if (sym === 17) {
      extra = bits.take(3);
      repeat = 3 + extra;
    } else {
      extra = bits.take(7);
      repeat = 11 + extra;
    }
    if (index + repeat > total) bits.fail('too many code lengths');
    for (let k = 0; k < repeat; k++) blockLengths[index + k] = len;
    tokenAt[tokens] = start;
    tokenSymbol[tokens] = sym;
    tokenExtra[tokens] = extra;
    tokenFirst[tokens] = index;
    tokens++;
    index += repeat;
  }
  if (blockLengths[END_OF_BLOCK] === 0) bits.fail('no end-of-block code');
  if (blockLengths[nlen - 1] === 0) return { index: byteOf(blockStart + 3), detail: 'dynamic block header: number of literal/length codes' };
  if (blockLengths[total - 1] === 0) return { index: byteOf(blockStart + 8), detail: 'dynamic block header: number of distance codes' };

  const expected = zlibRunLengths(blockLengths, nlen, ndist, zlibRunLengths(blockLengths, 0, nlen, 0));
  for (let k = 0; k < Math.max(tokens, expected); k++) {
    if (k >= tokens || k >= expected || tokenSymbol[k] !== expectedSymbol[k] || tokenExtra[k] !== expectedExtra[k]) {
      return { index: byteOf(tokenAt[Math.min(k, tokens - 1)] as number), detail: 'dynamic block header: run-length encoding of the code lengths' };
    }
  }
  usedCodeLengths.fill(0);
  for (let k = 0; k < tokens; k++) usedCodeLengths[tokenSymbol[k] as number] = 1;
  addZlibCoded(usedCodeLengths, CODE_LENGTH_CODES);
  if (firstMiscoded(codeLengthLengths, 0, CODE_LENGTH_CODES, usedCodeLengths, CODE_LENGTH_CODES) >= 0) {
    return { index: byteOf(blockStart + 17), detail: 'dynamic block header: a code length code no length uses' };
  }

  if (!build(literals, blockLengths, 0, nlen, LITERAL_EXTRA) || !build(distances, blockLengths, nlen, ndist, DISTANCE_EXTRA)) bits.fail('over-subscribed Huffman code');
  usedLiterals.fill(0);
  usedDistances.fill(0);
  walkCodes(bits, literals, distances);
  addZlibCoded(usedLiterals, LITERAL_CODES);
  const literal = firstMiscoded(blockLengths, 0, nlen, usedLiterals, LITERAL_CODES);
  if (literal >= 0) {
    return { index: byteOf(tokenAt[tokenOf(Math.min(literal, nlen - 1), tokens)] as number), detail: 'dynamic block header: a literal/length code the block does not use' };
  }
  addZlibCoded(usedDistances, DISTANCE_CODES);
  const distance = firstMiscoded(blockLengths, nlen, ndist, usedDistances, DISTANCE_CODES);
  if (distance >= 0) {
    return { index: byteOf(tokenAt[tokenOf(nlen + Math.min(distance, ndist - 1), tokens)] as number), detail: 'dynamic block header: a distance code the block does not use' };
  }
  return null;
}

/** The entry of a code not in `c`'s table, from a buffer of at least 15 bits; for none, reports the error. */
function slowEntry(bits: BitReader, c: Code, offset: number, buffer: number, count: number): number {
  const entry = slowDecode(c, buffer);
  if (entry >= 0) return entry;
  bits.offset = offset;
  bits.buffer = buffer;
  bits.count = count;
  const after = bits.position() + MAX_BITS;
  if (after > bits.end) bits.cutShort();
  return bits.fail('invalid Huffman code', after);
}

/**
 * Takes the codes of one block up to its end-of-block code, marking the symbols used in
 * usedLiterals and usedDistances. The hot loop: the reader's state is kept in locals, and bits
 * taken past the end are looked for only at the end of the block and before reporting an error
 * (the zero bytes read there can only take it further past the end, and refill stops it). The
 * refill is written out at each of its three places on purpose: as a function it would have to
 * hand back three values per code, which costs more than the rest of the loop.
 */
function walkCodes(bits: BitReader, lit: Code, dist: Code): void {
  const data = bits.data;
  // Up to here, a refill (at most 3 bytes) reads only bytes of the data.
  const safeEnd = bits.length - 3;
  const litTable = lit.table;
  const litMask = lit.mask;
  const distTable = dist.table;
  const distMask = dist.mask;
  const usedLit = usedLiterals;
  const usedDist = usedDistances;
  let offset = bits.offset;
  let buffer = bits.buffer;
  let count = bits.count;
  for (;;) {
    if (count < REFILL_BITS) {
      if (offset <= safeEnd) {
        do {
          buffer |= (data[offset++] as number) << count;
          count += 8;
        } while (count < REFILL_BITS);
      } else {
        bits.offset = offset;
        bits.buffer = buffer;
        bits.count = count;
        bits.refill();
        offset = bits.offset;
        buffer = bits.buffer;
        count = bits.count;
      }
    }
    let entry = litTable[buffer & litMask] as number;
    if (entry === 0) entry = slowEntry(bits, lit, offset, buffer, count);
    let n = entry & 15;
    buffer >>= n;
    count -= n;
    const sym = entry >> 8;
    usedLit[sym] = 1;
    if (sym < END_OF_BLOCK) continue;
    if (sym === END_OF_BLOCK) break;
    if (sym >= LITERAL_CODES) {
      bits.offset = offset;
      bits.buffer = buffer;
      bits.count = count;
      if (bits.position() > bits.end) bits.cutShort();
      bits.fail('invalid length code');
    }
    // A length's extra bits: at most 5, and the buffer held at least 24 before its code.
    n = (entry >> 4) & 15;
    buffer >>= n;
    count -= n;
    if (count < REFILL_BITS) {
      if (offset <= safeEnd) {
        do {
          buffer |= (data[offset++] as number) << count;
          count += 8;
        } while (count < REFILL_BITS);
      } else {
        bits.offset = offset;
        bits.buffer = buffer;
        bits.count = count;
        bits.refill();
        offset = bits.offset;
        buffer = bits.buffer;
        count = bits.count;
      }
    }
    entry = distTable[buffer & distMask] as number;
    if (entry === 0) entry = slowEntry(bits, dist, offset, buffer, count);
    n = entry & 15;
    buffer >>= n;
    count -= n;
    usedDist[entry >> 8] = 1;
    n = (entry >> 4) & 15;
    if (count < n) {
      if (offset <= safeEnd) {
        do {
          buffer |= (data[offset++] as number) << count;
          count += 8;
        } while (count < REFILL_BITS);
      } else {
        bits.offset = offset;
        bits.buffer = buffer;
        bits.count = count;
        bits.refill();
        offset = bits.offset;
        buffer = bits.buffer;
        count = bits.count;
      }
    }
    buffer >>= n;
    count -= n;
  }
  bits.offset = offset;
  bits.buffer = buffer;
  bits.count = count;
  if (bits.position() > bits.end) bits.cutShort();
}

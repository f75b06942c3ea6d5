import { MedstegoError, isMedstegoError } from '../errors/index.ts';
import { decodeReedSolomon, encodeReedSolomon } from './reedSolomon.ts';

/**
 * A payload longer than one Reed–Solomon codeword is cut into C codewords of near-equal data length
 * (each ≤ 255 bytes with its parity), and their bytes are interleaved round-robin into one stream:
 * stream byte s belongs to codeword s mod C (while all codewords still have bytes). A burst of
 * consecutive damaged stream bytes is then spread over all codewords instead of sinking one.
 */
export interface InterleavedLayout {
  readonly dataLength: number;
  readonly parityLength: number;
  readonly codewordCount: number;
  /** Data bytes of each codeword. */
  readonly dataLengths: readonly number[];
  readonly streamLength: number;
}

export function planInterleavedLayout(dataLength: number, parityLength: number): InterleavedLayout {
  if (!Number.isInteger(dataLength) || dataLength < 1) throw new MedstegoError('INTERNAL', `Reed–Solomon stream: data length ${dataLength} must be ≥ 1.`);
  if (!Number.isInteger(parityLength) || parityLength < 0 || parityLength > 254) throw new MedstegoError('INTERNAL', `Reed–Solomon stream: parity length ${parityLength} out of range.`);
  const perCodeword = 255 - parityLength;
  const codewordCount = Math.ceil(dataLength / perCodeword);
  const base = Math.floor(dataLength / codewordCount);
  const extra = dataLength % codewordCount;
  const dataLengths = Array.from({ length: codewordCount }, (_, c) => base + (c < extra ? 1 : 0));
  return { dataLength, parityLength, codewordCount, dataLengths, streamLength: dataLength + codewordCount * parityLength };
}

/** For each stream position, [codeword, index in codeword]. */
function streamMap(layout: InterleavedLayout): { codeword: Int32Array; index: Int32Array } {
  const lengths = layout.dataLengths.map((d) => d + layout.parityLength);
  const longest = Math.max(...lengths);
  const codeword = new Int32Array(layout.streamLength);
  const index = new Int32Array(layout.streamLength);
  let s = 0;
  for (let i = 0; i < longest; i++) {
    for (let c = 0; c < layout.codewordCount; c++) {
      if (i < lengths[c]!) {
        codeword[s] = c;
        index[s] = i;
        s++;
      }
    }
  }
  return { codeword, index };
}

export function encodeInterleaved(data: Uint8Array, parityLength: number): Uint8Array {
  const layout = planInterleavedLayout(data.length, parityLength);
  const codewords: Uint8Array[] = [];
  let offset = 0;
  for (const length of layout.dataLengths) {
    codewords.push(encodeReedSolomon(data.subarray(offset, offset + length), parityLength));
    offset += length;
  }
  const map = streamMap(layout);
  const stream = new Uint8Array(layout.streamLength);
  for (let s = 0; s < stream.length; s++) stream[s] = codewords[map.codeword[s]!]![map.index[s]!]!;
  return stream;
}

export interface InterleavedDecoded {
  readonly data: Uint8Array;
  /** Stream bytes changed by decoding (errors and filled erasures). */
  readonly correctedSymbols: number;
  readonly erasedSymbols: number;
}

/** Decode a stream from encodeInterleaved; `erasures` are stream positions known to be unreliable. */
export function decodeInterleaved(stream: Uint8Array, dataLength: number, parityLength: number, erasures: readonly number[] = []): InterleavedDecoded {
  const layout = planInterleavedLayout(dataLength, parityLength);
  if (stream.length !== layout.streamLength) {
    throw new MedstegoError('INTERNAL', `Reed–Solomon stream: expected ${layout.streamLength} bytes, got ${stream.length}.`);
  }
  const map = streamMap(layout);
  const codewords = layout.dataLengths.map((d) => new Uint8Array(d + parityLength));
  const codewordErasures: number[][] = layout.dataLengths.map(() => []);
  for (let s = 0; s < stream.length; s++) codewords[map.codeword[s]!]![map.index[s]!] = stream[s]!;
  for (const s of new Set(erasures)) codewordErasures[map.codeword[s]!]!.push(map.index[s]!);
  const data = new Uint8Array(dataLength);
  let correctedSymbols = 0;
  let offset = 0;
  for (let c = 0; c < codewords.length; c++) {
    try {
      const decoded = decodeReedSolomon(codewords[c]!, parityLength, codewordErasures[c]!);
      correctedSymbols += decoded.correctedPositions.length;
      data.set(decoded.codeword.subarray(0, layout.dataLengths[c]!), offset);
    } catch (error) {
      if (isMedstegoError(error, 'ECC_DECODE_FAILED')) {
        throw new MedstegoError('ECC_DECODE_FAILED', `Codeword ${c + 1} of ${codewords.length} cannot be repaired.`, { ...error.details, codeword: c });
      }
      throw error;
    }
    offset += layout.dataLengths[c]!;
  }
  return { data, correctedSymbols, erasedSymbols: new Set(erasures).size };
}

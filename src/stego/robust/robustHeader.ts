/**
 * The `robust` profile's header: what the decoder must know before it can read the data frame,
 * carried in its own keyed slots (robustLayout.ts) with the same convolutional code.
 *
 *   version (4 bits) | step index (8 bits) | sealed length in bytes (12 bits) | check (16 bits)
 *
 * The decoder does not know the step yet when it reads the header, so it tries the step indices
 * (most plausible first) and accepts a header only when its CRC holds *and* it names the index it
 * was read with: 16 + 8 bits of check against the 256 tries.
 *
 * The 16-bit check (header and data frame) is the low half of the project's CRC-32 (src/ecc): a
 * whole CRC-32 would cost 16 more information bits per frame, ≈ 6% of the coded bits of a 256-bit
 * MR payload, and all it must do is reject a wrong Viterbi path (or the wrong step index), which
 * 16 bits do with probability 1 − 2⁻¹⁶ per try.
 */
import { crc32 } from '../../ecc/crc32.ts';

export const HEADER_VERSION = 1;
export const HEADER_INFORMATION_BITS = 4 + 8 + 12 + 16;
export const MAX_SEALED_BYTES = 4095;
export const STEP_INDEX_COUNT = 256;

export interface RobustHeader {
  readonly stepIndex: number;
  readonly sealedBytes: number;
}

/** Base step per slot for a step index: 2^(index/16 − 6), i.e. 1/16-octave steps from 1/64. */
export function stepForIndex(index: number): number {
  return 2 ** (index / 16 - 6);
}

export function packHeader(header: RobustHeader): Uint8Array {
  const bits = new Uint8Array(HEADER_INFORMATION_BITS);
  writeBits(bits, 0, 4, HEADER_VERSION);
  writeBits(bits, 4, 8, header.stepIndex);
  writeBits(bits, 12, 12, header.sealedBytes);
  writeBits(bits, 24, 16, check16(bitsToBytes(bits, 0, 3)));
  return bits;
}

/** The header if the bits are a valid one read with `stepIndex`, else undefined. */
export function unpackHeader(bits: Uint8Array, stepIndex: number): RobustHeader | undefined {
  if (readBits(bits, 24, 16) !== check16(bitsToBytes(bits, 0, 3))) return undefined;
  if (readBits(bits, 0, 4) !== HEADER_VERSION || readBits(bits, 4, 8) !== stepIndex) return undefined;
  const sealedBytes = readBits(bits, 12, 12);
  return sealedBytes > 0 ? { stepIndex, sealedBytes } : undefined;
}

export function writeBits(bits: Uint8Array, start: number, count: number, value: number): void {
  for (let i = 0; i < count; i++) bits[start + i] = (value >>> (count - 1 - i)) & 1;
}

export function readBits(bits: ArrayLike<number>, start: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) value = (value << 1) | (bits[start + i]! & 1);
  return value >>> 0;
}

/** The 16-bit frame check: low 16 bits of CRC-32. */
export function check16(bytes: Uint8Array): number {
  return crc32(bytes) & 0xffff;
}

/** `count` bytes from MSB-first bits starting at bit `start`. */
export function bitsToBytes(bits: ArrayLike<number>, start: number, count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = readBits(bits, start + 8 * i, 8);
  return bytes;
}

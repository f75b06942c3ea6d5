/**
 * The `robust` profile's header: what the decoder must know before it can read the data frame,
 * carried in its own keyed slots (robustLayout.ts) with the same convolutional code.
 *
 *   version 1: version (4 bits) | step index (8) | sealed length in bytes (12) | check (16)
 *   version 2: version (4 bits) | step index (8) | carrier density index (2) | length (10) | check (16)
 *
 * The decoder does not know the step (nor, in version 2, the carrier density) when it reads the
 * header, so it tries them (most plausible first) and accepts a header only when its CRC holds
 * *and* it names the step and density it was read with: 16 + 8 (+ 2) bits of check against the
 * 256 (× 4) tries.
 *
 * Version 1 (data frame: K = 9 rate-⅓ convolutional code, every carrier block) is still read;
 * version 2 (written now) codes the data frame with the rate-⅓ turbo code and may use a keyed
 * subset of the carrier blocks (robustLayout.ts, CARRIER_DENSITIES). Both headers have 40 bits and
 * the same code, so one header search finds either.
 *
 * The 16-bit check (header and data frame) is the low half of the project's CRC-32 (src/ecc): a
 * whole CRC-32 would cost 16 more information bits per frame, ≈ 6% of the coded bits of a 256-bit
 * MR payload, and all it must do is reject a wrong Viterbi path (or the wrong step index), which
 * 16 bits do with probability 1 − 2⁻¹⁶ per try.
 */
import { crc32 } from '../../ecc/crc32.ts';

/** Version written by the encoder. */
export const HEADER_VERSION = 2;
/** Versions the decoder reads. */
export const READABLE_HEADER_VERSIONS: readonly number[] = [1, 2];
export const HEADER_INFORMATION_BITS = 4 + 8 + 12 + 16;
/** Largest sealed length version 2 can name (10 bits). */
export const MAX_SEALED_BYTES = 1023;
export const STEP_INDEX_COUNT = 256;

export interface RobustHeader {
  readonly version: number;
  readonly stepIndex: number;
  /** Index into CARRIER_DENSITIES (always 0 in version 1). */
  readonly densityIndex: number;
  readonly sealedBytes: number;
}

/** Base step per slot for a step index: 2^(index/16 − 6), i.e. 1/16-octave steps from 1/64. */
export function stepForIndex(index: number): number {
  return 2 ** (index / 16 - 6);
}

export function packHeader(header: RobustHeader): Uint8Array {
  const bits = new Uint8Array(HEADER_INFORMATION_BITS);
  writeBits(bits, 0, 4, header.version);
  writeBits(bits, 4, 8, header.stepIndex);
  if (header.version === 1) {
    writeBits(bits, 12, 12, header.sealedBytes);
  } else {
    writeBits(bits, 12, 2, header.densityIndex);
    writeBits(bits, 14, 10, header.sealedBytes);
  }
  writeBits(bits, 24, 16, check16(bitsToBytes(bits, 0, 3)));
  return bits;
}

/** The header if the bits are a valid one read with `stepIndex` and `densityIndex`, else undefined. */
export function unpackHeader(bits: Uint8Array, stepIndex: number, densityIndex: number): RobustHeader | undefined {
  if (readBits(bits, 24, 16) !== check16(bitsToBytes(bits, 0, 3))) return undefined;
  const version = readBits(bits, 0, 4);
  if (!READABLE_HEADER_VERSIONS.includes(version) || readBits(bits, 4, 8) !== stepIndex) return undefined;
  const named = version === 1 ? 0 : readBits(bits, 12, 2);
  if (named !== densityIndex) return undefined;
  const sealedBytes = version === 1 ? readBits(bits, 12, 12) : readBits(bits, 14, 10);
  return sealedBytes > 0 ? { version, stepIndex, densityIndex, sealedBytes } : undefined;
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

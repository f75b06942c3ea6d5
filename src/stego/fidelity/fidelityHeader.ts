import { crc32 } from '../../ecc/index.ts';

/**
 * The fidelity header, 8 bytes, written twice in the public header region (one byte per group,
 * p = 8): magic 0x6D, version ‖ profile id, p ‖ parity/2, sealed length (16 bits), the number of stream
 * bytes the writer knowingly left for Reed–Solomon to repair (groups it could not set), then the low
 * 16 bits of the CRC-32 of those 6 bytes. A random image passes as a header with probability ≈ 2^-32
 * per copy. Knowing the writer's own repairs lets the reader call any further repair what it is: a
 * change of the image since embedding.
 */
export const FIDELITY_HEADER_BYTES = 8;
export const HEADER_COPIES = 2;
export const HEADER_P = 8;
const MAGIC = 0x6d;
export const FIDELITY_FORMAT_VERSION = 1;
export const FIDELITY_PROFILE_ID = 1;

export interface FidelityHeader {
  /** Bits per group of the body (Hamming parameter). */
  readonly p: number;
  /** Reed–Solomon parity bytes per codeword (even, 0..30). */
  readonly parityLength: number;
  /** Length of the sealed container in bytes. */
  readonly sealedLength: number;
  /** Stream bytes the writer left wrong on purpose (capped at 255). */
  readonly knownErrors: number;
}

export function encodeFidelityHeader(header: FidelityHeader): Uint8Array {
  const bytes = new Uint8Array(FIDELITY_HEADER_BYTES);
  bytes[0] = MAGIC;
  bytes[1] = (FIDELITY_FORMAT_VERSION << 4) | FIDELITY_PROFILE_ID;
  bytes[2] = (header.p << 4) | (header.parityLength >> 1);
  bytes[3] = header.sealedLength >> 8;
  bytes[4] = header.sealedLength & 0xff;
  bytes[5] = Math.min(255, header.knownErrors);
  const crc = crc32(bytes.subarray(0, 6)) & 0xffff;
  bytes[6] = crc >> 8;
  bytes[7] = crc & 0xff;
  return bytes;
}

/** undefined when the bytes are not a valid header of this version. */
export function decodeFidelityHeader(bytes: Uint8Array): FidelityHeader | undefined {
  if (bytes.length < FIDELITY_HEADER_BYTES || bytes[0] !== MAGIC) return undefined;
  if (bytes[1] !== ((FIDELITY_FORMAT_VERSION << 4) | FIDELITY_PROFILE_ID)) return undefined;
  const crc = crc32(bytes.subarray(0, 6)) & 0xffff;
  if (bytes[6] !== crc >> 8 || bytes[7] !== (crc & 0xff)) return undefined;
  const p = bytes[2]! >> 4;
  const sealedLength = (bytes[3]! << 8) | bytes[4]!;
  if (p < 1 || sealedLength < 1) return undefined;
  return { p, parityLength: (bytes[2]! & 0x0f) << 1, sealedLength, knownErrors: bytes[5]! };
}

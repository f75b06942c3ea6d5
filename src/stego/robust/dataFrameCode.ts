/**
 * The channel code of the `robust` profile's data frame, by header version (robustHeader.ts):
 * version 1 = K = 9 rate-⅓ convolutional code with soft Viterbi, version 2 (written now) = the
 * rate-⅓ turbo code with iterative max-log-MAP decoding, stopped by the frame's 16-bit check.
 *
 * Why the turbo code: on AWGN / BPSK at the profile's frame lengths it reaches a frame error rate
 * of 1% about 1.7 dB (272 information bits) to 1.8 dB (1,040) below the convolutional code
 * (scripts/robust-code-sim.ts); see docs/profiles/robust.md for what that bought on the slices.
 */
import { convolutionalCodedLength, convolutionalEncode, TAIL_BITS } from '../../ecc/convolutionalEncode.ts';
import { convolutionalDecode } from '../../ecc/convolutionalDecode.ts';
import { TURBO_TAIL_BITS, turboCodedLength, turboEncode } from '../../ecc/turboEncode.ts';
import { turboDecode } from '../../ecc/turboDecode.ts';

export interface DataFrameCode {
  codedLength(informationBits: number): number;
  /** Largest information-bit count whose codeword fits in `codedBits`. */
  informationBitsFor(codedBits: number): number;
  encode(bits: Uint8Array): Uint8Array;
  /** `accept` = the frame check; the turbo decoder stops as soon as it holds. */
  decode(llr: Float64Array, informationBits: number, accept: (bits: Uint8Array) => boolean): Uint8Array;
}

const convolutional: DataFrameCode = {
  codedLength: convolutionalCodedLength,
  informationBitsFor: (codedBits) => Math.floor(codedBits / 3) - TAIL_BITS,
  encode: convolutionalEncode,
  decode: (llr, informationBits) => convolutionalDecode(llr, informationBits).bits,
};

/** Full iterations at most; most frames that decode at all stop after 1–4. */
export const TURBO_ITERATIONS = 8;

const turbo: DataFrameCode = {
  codedLength: turboCodedLength,
  informationBitsFor: (codedBits) => Math.floor((codedBits - TURBO_TAIL_BITS) / 3),
  encode: turboEncode,
  decode: (llr, informationBits, accept) => turboDecode(llr, informationBits, { iterations: TURBO_ITERATIONS, accept }).bits,
};

export function dataFrameCode(version: number): DataFrameCode {
  return version === 1 ? convolutional : turbo;
}

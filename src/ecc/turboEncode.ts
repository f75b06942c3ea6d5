/**
 * Rate-⅓ turbo code: two copies of the 8-state recursive systematic convolutional code of LTE / UMTS
 * (feedback 13, parity 15, octal), the second fed through an S-random interleaver (turboInterleaver.ts),
 * each trellis terminated with its own three tail steps as in 3GPP TS 36.212 §5.1.3.2.
 *
 * Why (the `robust` profile): on the profile's frame lengths (≈ 300 and ≈ 1,000 information bits)
 * and at a frame error rate of ~1%, iterative decoding of this code needs less energy per
 * information bit than the K = 9 rate-⅓ convolutional code with Viterbi decoding
 * (scripts/robust-code-sim.ts), and the channel there gives soft values.
 *
 * Coded layout, 3K + 12 bits: systematic x[0..K), parity z[0..K), parity z'[0..K) (of the
 * interleaved input), then the tails: x, z for the three tail steps of encoder 1, then x', z' for
 * encoder 2 (interleaved: x_K z_K x_K+1 …).
 */
import { turboInterleaver } from './turboInterleaver.ts';

export const TURBO_STATES = 8;
export const TURBO_TAIL_STEPS = 3;
/** Coded bits the two trellis terminations add: 2 × 3 steps × (systematic + parity). */
export const TURBO_TAIL_BITS = 4 * TURBO_TAIL_STEPS;

export function turboCodedLength(informationBits: number): number {
  return 3 * informationBits + TURBO_TAIL_BITS;
}

/**
 * The constituent code's trellis. State s = (s1 s2 s3) as bits 2..0, s1 the newest. Input u:
 * feedback a = u ⊕ s2 ⊕ s3 (13: 1 + D² + D³), parity z = a ⊕ s1 ⊕ s3 (15: 1 + D + D³),
 * next state (a s1 s2).
 */
export function rscStep(state: number, input: number): { next: number; parity: number } {
  const s1 = (state >>> 2) & 1;
  const s2 = (state >>> 1) & 1;
  const s3 = state & 1;
  const a = input ^ s2 ^ s3;
  return { next: (a << 2) | (s1 << 1) | s2, parity: a ^ s1 ^ s3 };
}

/** The input that drives the feedback to 0 (termination): u = s2 ⊕ s3. */
export function rscTailInput(state: number): number {
  return ((state >>> 1) ^ state) & 1;
}

function encodeConstituent(bits: ArrayLike<number>, parity: Uint8Array, parityOffset: number, tail: Uint8Array, tailOffset: number): void {
  let state = 0;
  for (let i = 0; i < bits.length; i++) {
    const step = rscStep(state, bits[i]! & 1);
    parity[parityOffset + i] = step.parity;
    state = step.next;
  }
  for (let t = 0; t < TURBO_TAIL_STEPS; t++) {
    const input = rscTailInput(state);
    const step = rscStep(state, input);
    tail[tailOffset + 2 * t] = input;
    tail[tailOffset + 2 * t + 1] = step.parity;
    state = step.next;
  }
}

/** bits: one 0/1 value per byte. Returns 3K + 12 coded bits in the layout above. */
export function turboEncode(bits: ArrayLike<number>): Uint8Array {
  const k = bits.length;
  const coded = new Uint8Array(turboCodedLength(k));
  for (let i = 0; i < k; i++) coded[i] = bits[i]! & 1;
  const permutation = turboInterleaver(k);
  const interleaved = new Uint8Array(k);
  for (let i = 0; i < k; i++) interleaved[i] = bits[permutation[i]!]! & 1;
  encodeConstituent(bits, coded, k, coded, 3 * k);
  encodeConstituent(interleaved, coded, 2 * k, coded, 3 * k + 2 * TURBO_TAIL_STEPS);
  return coded;
}

/**
 * Soft-decision Viterbi decoder for the terminated rate-⅓, K = 9 (557, 663, 711) code of
 * convolutionalEncode.ts.
 *
 * Input: one log-likelihood ratio per coded bit, positive = "0 more likely", magnitude = confidence,
 * 0 = erased (no information). Any positive scale works: the decoder maximises the correlation
 * Σ llr·(1 − 2·bit), which is the maximum-likelihood path for Gaussian soft values and for LLRs.
 * Erasures (llr = 0) cost nothing, which is how the `robust` profile marks coded bits that no
 * usable coefficient carried.
 */
import { CODED_PER_INPUT, OUTPUTS, STATE_COUNT, TAIL_BITS, convolutionalCodedLength } from './convolutionalEncode.ts';

export interface ConvolutionalDecodeResult {
  readonly bits: Uint8Array;
  /** Correlation of the chosen path with the input (higher = more confident), for diagnostics. */
  readonly pathMetric: number;
}

/**
 * Butterfly tables: state `to` (input = its top bit) is reached from (to << 1) & mask and that | 1;
 * FROM_PATTERN_0/1[to] are the output patterns of those two branches.
 */
const HALF = STATE_COUNT >>> 1;
const FROM_PATTERN_0 = new Uint8Array(STATE_COUNT);
const FROM_PATTERN_1 = new Uint8Array(STATE_COUNT);
for (let to = 0; to < STATE_COUNT; to++) {
  const input = to >= HALF ? 1 : 0;
  const from0 = (to << 1) & (STATE_COUNT - 1);
  FROM_PATTERN_0[to] = OUTPUTS[(from0 << 1) | input]!;
  FROM_PATTERN_1[to] = OUTPUTS[((from0 | 1) << 1) | input]!;
}

export function convolutionalDecode(llr: ArrayLike<number>, informationBits: number): ConvolutionalDecodeResult {
  const steps = informationBits + TAIL_BITS;
  if (llr.length !== convolutionalCodedLength(informationBits)) {
    throw new RangeError(`convolutionalDecode: ${llr.length} soft values for ${informationBits} information bits (expected ${convolutionalCodedLength(informationBits)})`);
  }
  // Unreachable states start at a large negative metric instead of −∞, so the inner loop needs no
  // test; it stays far below any reachable path (|llr| sums are bounded by the input).
  let bound = 1;
  for (let i = 0; i < llr.length; i++) bound += Math.abs(llr[i]!);
  let metric = new Float64Array(STATE_COUNT).fill(-4 * bound);
  let next = new Float64Array(STATE_COUNT);
  metric[0] = 0;
  // survivors[step * STATE_COUNT + state] = the previous state on the best path into `state`.
  const survivors = new Uint8Array(steps * STATE_COUNT);
  // Branch gain of each output pattern (g0 g1 g2 as bits 2..0): Σ ±llr, + for a coded 0.
  const gains = new Float64Array(1 << CODED_PER_INPUT);
  for (let step = 0; step < steps; step++) {
    for (let pattern = 0; pattern < gains.length; pattern++) {
      let gain = 0;
      for (let g = 0; g < CODED_PER_INPUT; g++) {
        const value = llr[CODED_PER_INPUT * step + g]!;
        gain += (pattern >>> (CODED_PER_INPUT - 1 - g)) & 1 ? -value : value;
      }
      gains[pattern] = gain;
    }
    // In the tail only input 0 is allowed: states with the top bit set are left unreachable.
    const targets = step < informationBits ? STATE_COUNT : HALF;
    const base = step * STATE_COUNT;
    for (let to = 0; to < targets; to++) {
      const from0 = (to << 1) & (STATE_COUNT - 1);
      const a = metric[from0]! + gains[FROM_PATTERN_0[to]!]!;
      const b = metric[from0 + 1]! + gains[FROM_PATTERN_1[to]!]!;
      if (a >= b) {
        next[to] = a;
        survivors[base + to] = from0;
      } else {
        next[to] = b;
        survivors[base + to] = from0 + 1;
      }
    }
    for (let to = targets; to < STATE_COUNT; to++) next[to] = -4 * bound;
    const swap = metric;
    metric = next;
    next = swap;
  }
  const bits = new Uint8Array(informationBits);
  let state = 0;
  for (let step = steps - 1; step >= 0; step--) {
    const previous = survivors[step * STATE_COUNT + state]!;
    // The input that led previous → state is the newest register bit of `state`.
    if (step < informationBits) bits[step] = (state >>> (TAIL_BITS - 1)) & 1;
    state = previous;
  }
  return { bits, pathMetric: metric[0]! };
}

/**
 * Soft-decision Viterbi decoder for the terminated rate-½, K = 7 (133, 171) code of
 * convolutionalEncode.ts.
 *
 * Input: one log-likelihood ratio per coded bit, positive = "0 more likely", magnitude = confidence,
 * 0 = erased (no information). Any positive scale works: the decoder maximises the correlation
 * Σ llr·(1 − 2·bit), which is the maximum-likelihood path for Gaussian soft values and for LLRs.
 * Erasures (llr = 0) cost nothing, which is how the `robust` profile marks coded bits that no
 * usable coefficient carried.
 */
import { OUTPUTS, STATE_COUNT, TAIL_BITS, convolutionalCodedLength, nextState } from './convolutionalEncode.ts';

export interface ConvolutionalDecodeResult {
  readonly bits: Uint8Array;
  /** Correlation of the chosen path with the input (higher = more confident), for diagnostics. */
  readonly pathMetric: number;
}

export function convolutionalDecode(llr: ArrayLike<number>, informationBits: number): ConvolutionalDecodeResult {
  const steps = informationBits + TAIL_BITS;
  if (llr.length !== convolutionalCodedLength(informationBits)) {
    throw new RangeError(`convolutionalDecode: ${llr.length} soft values for ${informationBits} information bits (expected ${convolutionalCodedLength(informationBits)})`);
  }
  let metric = new Float64Array(STATE_COUNT).fill(-Infinity);
  let next = new Float64Array(STATE_COUNT);
  metric[0] = 0;
  // survivors[step * STATE_COUNT + state] = the previous state on the best path into `state`.
  const survivors = new Uint8Array(steps * STATE_COUNT);
  // Branch gains for the four output pairs (g0 g1) = 00, 01, 10, 11.
  const gains = new Float64Array(4);
  for (let step = 0; step < steps; step++) {
    const a = llr[2 * step]!;
    const b = llr[2 * step + 1]!;
    gains[0] = a + b;
    gains[1] = a - b;
    gains[2] = -a + b;
    gains[3] = -a - b;
    next.fill(-Infinity);
    const inputs = step < informationBits ? 2 : 1;
    const base = step * STATE_COUNT;
    for (let state = 0; state < STATE_COUNT; state++) {
      const m = metric[state]!;
      if (m === -Infinity) continue;
      for (let input = 0; input < inputs; input++) {
        const to = nextState(state, input);
        const candidate = m + gains[OUTPUTS[(state << 1) | input]!]!;
        if (candidate > next[to]!) {
          next[to] = candidate;
          survivors[base + to] = state;
        }
      }
    }
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

/**
 * Iterative decoder for the rate-⅓ turbo code of turboEncode.ts: two max-log-MAP (BCJR) decoders of
 * the 8-state constituent code exchange extrinsic information through the interleaver.
 *
 * Input: one log-likelihood ratio per coded bit, positive = "0 more likely", 0 = erased, in the
 * encoder's layout. Max-log-MAP is invariant to the scale of the LLRs (every metric is a sum of
 * them and only maxima are compared), so a channel that only knows LLRs up to a common factor, as
 * the `robust` profile's, loses nothing; the extrinsic values are damped by 0.75 per exchange,
 * the usual correction of max-log-MAP's optimism (Vogt & Finger, 2000).
 *
 * `accept` (optional) is asked after every iteration with the current hard decisions; decoding
 * stops as soon as it says yes (a CRC), which is also what makes most decodes cheap.
 */
import { TURBO_STATES, TURBO_TAIL_STEPS, rscStep, rscTailInput, turboCodedLength } from './turboEncode.ts';
import { turboInterleaver } from './turboInterleaver.ts';

export interface TurboDecodeOptions {
  /** Full iterations (both decoders) at most. Default 8. */
  readonly iterations?: number;
  /** Stop early when this returns true for the current decisions. */
  readonly accept?: (bits: Uint8Array) => boolean;
  /** Damping of extrinsic LLRs. Default 0.75. */
  readonly extrinsicScale?: number;
}

export interface TurboDecodeResult {
  readonly bits: Uint8Array;
  /** Iterations run. */
  readonly iterations: number;
  /** Whether `accept` said yes (always false without it). */
  readonly accepted: boolean;
}

const NEXT = new Uint8Array(TURBO_STATES * 2);
const PARITY_SIGN = new Float64Array(TURBO_STATES * 2);
const TAIL_INPUT = new Uint8Array(TURBO_STATES);
for (let s = 0; s < TURBO_STATES; s++) {
  for (let u = 0; u < 2; u++) {
    const step = rscStep(s, u);
    NEXT[s * 2 + u] = step.next;
    PARITY_SIGN[s * 2 + u] = step.parity ? -1 : 1;
  }
  TAIL_INPUT[s] = rscTailInput(s);
}
const NEG = -1e300;

/**
 * One max-log-MAP pass over a terminated constituent trellis. Returns the extrinsic LLR of each
 * information bit (the a-posteriori LLR minus its systematic and a-priori parts).
 */
function constituentExtrinsic(
  systematic: Float64Array,
  parity: Float64Array,
  apriori: Float64Array,
  tail: Float64Array,
  alpha: Float64Array,
  beta: Float64Array,
  extrinsic: Float64Array,
): void {
  const k = systematic.length;
  const steps = k + TURBO_TAIL_STEPS;
  const S = TURBO_STATES;
  alpha.fill(NEG, 0, S);
  alpha[0] = 0;
  for (let t = 0; t < steps; t++) {
    const a = t * S;
    const out = a + S;
    alpha.fill(NEG, out, out + S);
    if (t < k) {
      const sys = 0.5 * (systematic[t]! + apriori[t]!);
      const par = 0.5 * parity[t]!;
      for (let s = 0; s < S; s++) {
        const base = alpha[a + s]!;
        if (base === NEG) continue;
        const m0 = base + sys + PARITY_SIGN[s * 2]! * par;
        const m1 = base - sys + PARITY_SIGN[s * 2 + 1]! * par;
        const n0 = out + NEXT[s * 2]!;
        const n1 = out + NEXT[s * 2 + 1]!;
        if (m0 > alpha[n0]!) alpha[n0] = m0;
        if (m1 > alpha[n1]!) alpha[n1] = m1;
      }
    } else {
      const j = 2 * (t - k);
      const sys = 0.5 * tail[j]!;
      const par = 0.5 * tail[j + 1]!;
      for (let s = 0; s < S; s++) {
        const base = alpha[a + s]!;
        if (base === NEG) continue;
        const u = TAIL_INPUT[s]!;
        const m = base + (u ? -sys : sys) + PARITY_SIGN[s * 2 + u]! * par;
        const n = out + NEXT[s * 2 + u]!;
        if (m > alpha[n]!) alpha[n] = m;
      }
    }
    // Keep the metrics near 0 (only differences matter).
    const norm = alpha[out]! === NEG ? maxOf(alpha, out, S) : alpha[out]!;
    for (let s = 0; s < S; s++) if (alpha[out + s]! !== NEG) alpha[out + s] = alpha[out + s]! - norm;
  }
  // Backward: terminated in state 0.
  beta.fill(NEG, steps * S, steps * S + S);
  beta[steps * S] = 0;
  for (let t = steps - 1; t >= 0; t--) {
    const b = t * S;
    const after = b + S;
    if (t < k) {
      const sys = 0.5 * (systematic[t]! + apriori[t]!);
      const par = 0.5 * parity[t]!;
      let best0 = NEG;
      let best1 = NEG;
      for (let s = 0; s < S; s++) {
        const next0 = beta[after + NEXT[s * 2]!]!;
        const next1 = beta[after + NEXT[s * 2 + 1]!]!;
        const p0 = PARITY_SIGN[s * 2]! * par + next0;
        const p1 = PARITY_SIGN[s * 2 + 1]! * par + next1;
        const m0 = sys + p0;
        const m1 = -sys + p1;
        beta[b + s] = m0 > m1 ? m0 : m1;
        const forward = alpha[b + s]!;
        if (forward !== NEG) {
          if (next0 !== NEG && forward + p0 > best0) best0 = forward + p0;
          if (next1 !== NEG && forward + p1 > best1) best1 = forward + p1;
        }
      }
      extrinsic[t] = best0 === NEG || best1 === NEG ? 0 : best0 - best1;
    } else {
      const j = 2 * (t - k);
      const sys = 0.5 * tail[j]!;
      const par = 0.5 * tail[j + 1]!;
      for (let s = 0; s < S; s++) {
        const u = TAIL_INPUT[s]!;
        const next = beta[after + NEXT[s * 2 + u]!]!;
        beta[b + s] = next === NEG ? NEG : (u ? -sys : sys) + PARITY_SIGN[s * 2 + u]! * par + next;
      }
    }
    const norm = maxOf(beta, b, S);
    if (norm !== NEG) for (let s = 0; s < S; s++) if (beta[b + s]! !== NEG) beta[b + s] = beta[b + s]! - norm;
  }
}

function maxOf(values: Float64Array, start: number, count: number): number {
  let best = NEG;
  for (let i = start; i < start + count; i++) if (values[i]! > best) best = values[i]!;
  return best;
}

export function turboDecode(llr: ArrayLike<number>, informationBits: number, options: TurboDecodeOptions = {}): TurboDecodeResult {
  const k = informationBits;
  if (llr.length !== turboCodedLength(k)) {
    throw new RangeError(`turboDecode: ${llr.length} soft values for ${k} information bits (expected ${turboCodedLength(k)})`);
  }
  const iterations = options.iterations ?? 8;
  const scale = options.extrinsicScale ?? 0.75;
  const permutation = turboInterleaver(k);
  const systematic = new Float64Array(k);
  const systematicInterleaved = new Float64Array(k);
  const parity1 = new Float64Array(k);
  const parity2 = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    systematic[i] = llr[i]!;
    parity1[i] = llr[k + i]!;
    parity2[i] = llr[2 * k + i]!;
  }
  for (let i = 0; i < k; i++) systematicInterleaved[i] = systematic[permutation[i]!]!;
  const tail1 = new Float64Array(2 * TURBO_TAIL_STEPS);
  const tail2 = new Float64Array(2 * TURBO_TAIL_STEPS);
  for (let j = 0; j < 2 * TURBO_TAIL_STEPS; j++) {
    tail1[j] = llr[3 * k + j]!;
    tail2[j] = llr[3 * k + 2 * TURBO_TAIL_STEPS + j]!;
  }
  const alpha = new Float64Array((k + TURBO_TAIL_STEPS + 1) * TURBO_STATES);
  const beta = new Float64Array((k + TURBO_TAIL_STEPS + 1) * TURBO_STATES);
  const apriori1 = new Float64Array(k);
  const apriori2 = new Float64Array(k);
  const extrinsic1 = new Float64Array(k);
  const extrinsic2 = new Float64Array(k);
  const bits = new Uint8Array(k);
  let run = 0;
  let accepted = false;
  while (run < iterations) {
    run++;
    constituentExtrinsic(systematic, parity1, apriori1, tail1, alpha, beta, extrinsic1);
    for (let i = 0; i < k; i++) apriori2[i] = scale * extrinsic1[permutation[i]!]!;
    constituentExtrinsic(systematicInterleaved, parity2, apriori2, tail2, alpha, beta, extrinsic2);
    for (let i = 0; i < k; i++) apriori1[permutation[i]!] = scale * extrinsic2[i]!;
    // A posteriori: channel + both extrinsics (as damped for the exchange).
    for (let i = 0; i < k; i++) bits[i] = systematic[i]! + scale * extrinsic1[i]! + apriori1[i]! < 0 ? 1 : 0;
    if (options.accept?.(bits)) {
      accepted = true;
      break;
    }
  }
  return { bits, iterations: run, accepted };
}

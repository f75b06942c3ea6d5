/** Mean squared error over all samples, the paper's Eq. (11): Σ(a − b)² / N. */
import { requireSamePairs } from './requireSamePairs.ts';

export function meanSquaredError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireSamePairs('meanSquaredError', a, b);
  const n = a.length;
  // Plain double accumulation is exact here for 16-bit stored values: each term is below 2^33 and a
  // 512×512 sum stays far below 2^53.
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return sum / n;
}

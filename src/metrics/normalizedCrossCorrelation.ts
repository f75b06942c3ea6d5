/**
 * Normalised cross-correlation, the paper's Eq. (13) (used there between cover and stego masks, and
 * between sent and retrieved QR images): the Pearson form
 *   Σ(a − μa)(b − μb) / sqrt(Σ(a − μa)² · Σ(b − μb)²),  in [−1, 1].
 * It is invariant to gain and offset (NCC(x, 2x + 3) = 1, NCC(x, −x) = −1).
 *
 * The formula is 0/0 when an array is constant. We define: both constant and equal (e.g. two empty
 * masks, which agree perfectly) → 1; both constant but different, or only one constant → 0 (no
 * linear relation can be measured). Constancy is tested exactly (min = max), not via a variance that
 * rounding could leave slightly above zero.
 */
import { requireSamePairs } from './requireSamePairs.ts';

export function normalizedCrossCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireSamePairs('normalizedCrossCorrelation', a, b);
  const n = a.length;
  let sumA = 0;
  let sumB = 0;
  let minA = Infinity;
  let maxA = -Infinity;
  let minB = Infinity;
  let maxB = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    sumA += x;
    sumB += y;
    if (x < minA) minA = x;
    if (x > maxA) maxA = x;
    if (y < minB) minB = y;
    if (y > maxB) maxB = y;
  }
  const constantA = minA === maxA;
  const constantB = minB === maxB;
  if (constantA && constantB) return minA === minB ? 1 : 0;
  if (constantA || constantB) return 0;
  // Two passes (means first) rather than Σxy − nμxμy: the one-pass form cancels catastrophically on
  // 16-bit images with a large mean.
  const meanA = sumA / n;
  const meanB = sumB / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - meanA;
    const y = b[i]! - meanB;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  const r = sab / Math.sqrt(saa * sbb);
  // Rounding can push |r| a hair past 1.
  return Math.max(-1, Math.min(1, r));
}

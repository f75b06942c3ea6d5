/**
 * Dice coefficient (F1) of two binary masks: 2|A∩B| / (|A| + |B|) = 2·IoU / (1 + IoU). Any non-zero
 * sample counts as foreground. Two empty masks agree perfectly: 1.
 */
import { maskOverlap } from './maskOverlap.ts';
import { requireSamePairs } from './requireSamePairs.ts';

export function diceCoefficient(a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireSamePairs('diceCoefficient', a, b, true);
  const { intersection, sizeA, sizeB } = maskOverlap(a, b);
  const total = sizeA + sizeB;
  return total === 0 ? 1 : (2 * intersection) / total;
}

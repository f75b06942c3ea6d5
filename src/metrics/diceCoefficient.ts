/**
 * Dice coefficient (F1) of two binary masks: 2|A∩B| / (|A| + |B|) = 2·IoU / (1 + IoU). Any non-zero
 * sample counts as foreground. Two empty masks agree perfectly: 1.
 */
import { requireSamePairs } from './requireSamePairs.ts';

export function diceCoefficient(a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireSamePairs('diceCoefficient', a, b, true);
  let intersection = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] !== 0;
    const y = b[i] !== 0;
    if (x && y) intersection++;
    total += (x ? 1 : 0) + (y ? 1 : 0);
  }
  return total === 0 ? 1 : (2 * intersection) / total;
}

/**
 * Intersection over union (Jaccard index) of two binary masks, the segmentation score the paper
 * reports (validation mean IoU 0.9146). Any non-zero sample counts as foreground. Two empty masks
 * agree perfectly: 1.
 */
import { requireSamePairs } from './requireSamePairs.ts';

export function intersectionOverUnion(a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireSamePairs('intersectionOverUnion', a, b, true);
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] !== 0;
    const y = b[i] !== 0;
    if (x && y) intersection++;
    if (x || y) union++;
  }
  return union === 0 ? 1 : intersection / union;
}

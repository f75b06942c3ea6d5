/**
 * Intersection over union (Jaccard index) of two binary masks, the segmentation score the paper
 * reports (validation mean IoU 0.9146). Any non-zero sample counts as foreground. Two empty masks
 * agree perfectly: 1.
 */
import { maskOverlap } from './maskOverlap.ts';
import { requireSamePairs } from './requireSamePairs.ts';

export function intersectionOverUnion(a: ArrayLike<number>, b: ArrayLike<number>): number {
  requireSamePairs('intersectionOverUnion', a, b, true);
  const { intersection, sizeA, sizeB } = maskOverlap(a, b);
  const union = sizeA + sizeB - intersection;
  return union === 0 ? 1 : intersection / union;
}

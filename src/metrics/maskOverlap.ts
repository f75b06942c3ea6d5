/**
 * Foreground counts of two binary masks (any non-zero sample is foreground): the one pass both
 * IoU and Dice are computed from.
 */
export function maskOverlap(a: ArrayLike<number>, b: ArrayLike<number>): { intersection: number; sizeA: number; sizeB: number } {
  let intersection = 0;
  let sizeA = 0;
  let sizeB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] !== 0;
    const y = b[i] !== 0;
    if (x) sizeA++;
    if (y) sizeB++;
    if (x && y) intersection++;
  }
  return { intersection, sizeA, sizeB };
}

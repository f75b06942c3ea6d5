/**
 * Morphological reconstruction by connectivity: the parts of `mask` that are connected (8- or
 * 4-neighbourhood, inside `mask`) to at least one pixel of `markers`. The segmenter uses it to grow
 * the eroded body cores back to the thresholded skin through candidate pixels only, so that a
 * candidate pixel near the body but not joined to it (a noise speck in the air) stays background.
 *
 * Works on the horizontal runs of `mask` (maskRuns) joined by a union-find, like connectedComponents,
 * but without per-pixel labels: it runs once per slice on the whole body.
 */
import { joinTouchingRuns, findRunRoot, type Connectivity } from './joinTouchingRuns.ts';
import { maskRuns } from './maskRuns.ts';

/** Returns a new 0/1 mask: the connected components of `mask` that hold a pixel of `markers`. */
export function reconstructMask(markers: Uint8Array, mask: Uint8Array, rows: number, cols: number, connectivity: Connectivity = 8): Uint8Array {
  if (markers.length !== rows * cols) throw new RangeError(`markers length ${markers.length} does not match ${rows}x${cols}`);
  const runs = maskRuns(mask, rows, cols, 1);
  const { rowStart, first, last, count } = runs;
  const parent = joinTouchingRuns(runs, connectivity);
  const marked = new Uint8Array(count);
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < end; k++) {
      const start = y * cols;
      for (let i = start + first[k]!; i <= start + last[k]!; i++) {
        if (markers[i] !== 0) {
          marked[findRunRoot(parent, k)] = 1;
          break;
        }
      }
    }
  }
  const out = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < end; k++) {
      if (marked[findRunRoot(parent, k)] === 1) out.fill(1, y * cols + first[k]!, y * cols + last[k]! + 1);
    }
  }
  return out;
}

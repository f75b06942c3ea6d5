/**
 * Morphological reconstruction by connectivity: the parts of `mask` that are connected (8- or
 * 4-neighbourhood, inside `mask`) to at least one pixel of `markers`. The segmenter uses it to grow
 * the eroded body cores back to the thresholded skin through candidate pixels only, so that a
 * candidate pixel near the body but not joined to it (a noise speck in the air) stays background.
 *
 * Works on the horizontal runs of `mask` (maskRuns) joined by a union-find, like connectedComponents,
 * but without per-pixel labels: it runs once per slice on the whole body.
 */
import type { Connectivity } from './connectedComponents.ts';
import { maskRuns } from './maskRuns.ts';

function findRoot(parent: Int32Array, k: number): number {
  let root = k;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[k] !== root) {
    const next = parent[k]!;
    parent[k] = root;
    k = next;
  }
  return root;
}

/** Returns a new 0/1 mask: the connected components of `mask` that hold a pixel of `markers`. */
export function reconstructMask(markers: Uint8Array, mask: Uint8Array, rows: number, cols: number, connectivity: Connectivity = 8): Uint8Array {
  if (markers.length !== rows * cols) throw new RangeError(`markers length ${markers.length} does not match ${rows}x${cols}`);
  if (connectivity !== 4 && connectivity !== 8) throw new RangeError(`connectivity must be 4 or 8, got ${String(connectivity)}`);
  const runs = maskRuns(mask, rows, cols, 1);
  const { rowStart, first, last, count } = runs;
  const parent = new Int32Array(count);
  for (let k = 0; k < count; k++) parent[k] = k;
  const reach = connectivity === 8 ? 1 : 0;
  for (let y = 1; y < rows; y++) {
    let j = rowStart[y - 1]!;
    const jEnd = rowStart[y]!;
    const kEnd = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < kEnd; k++) {
      const a = first[k]! - reach;
      const b = last[k]! + reach;
      while (j < jEnd && last[j]! < a) j++;
      for (let m = j; m < jEnd && first[m]! <= b; m++) {
        const rk = findRoot(parent, k);
        const rm = findRoot(parent, m);
        if (rk !== rm) parent[Math.max(rk, rm)] = Math.min(rk, rm);
      }
    }
  }
  const marked = new Uint8Array(count);
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < end; k++) {
      const start = y * cols;
      for (let i = start + first[k]!; i <= start + last[k]!; i++) {
        if (markers[i] !== 0) {
          marked[findRoot(parent, k)] = 1;
          break;
        }
      }
    }
  }
  const out = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < end; k++) {
      if (marked[findRoot(parent, k)] === 1) out.fill(1, y * cols + first[k]!, y * cols + last[k]! + 1);
    }
  }
  return out;
}

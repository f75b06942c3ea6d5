/**
 * The union-find step shared by connected-component labelling and morphological reconstruction:
 * join the horizontal runs of a mask (maskRuns) that touch across adjacent rows. Runs are in raster
 * order and the smaller index always becomes the root, so a component's root is its first run in
 * raster order, whatever order the unions happen in (labels stay deterministic).
 */
import type { MaskRuns } from './maskRuns.ts';

/** 4: edge neighbours only; 8: edge and corner neighbours. */
export type Connectivity = 4 | 8;

/** Root of run `k`, with path compression so later finds are O(1) in practice. */
export function findRunRoot(parent: Int32Array, k: number): number {
  let root = k;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[k] !== root) {
    const next = parent[k]!;
    parent[k] = root;
    k = next;
  }
  return root;
}

/** Parent array over runs after joining every pair of touching runs; read roots with findRunRoot. */
export function joinTouchingRuns(runs: MaskRuns, connectivity: Connectivity): Int32Array {
  if (connectivity !== 4 && connectivity !== 8) throw new RangeError(`connectivity must be 4 or 8, got ${String(connectivity)}`);
  const { rows, rowStart, first, last, count } = runs;
  const parent = new Int32Array(count);
  for (let k = 0; k < count; k++) parent[k] = k;
  // Two runs on adjacent rows touch when their column ranges overlap (4) or overlap after widening by one (8).
  const reach = connectivity === 8 ? 1 : 0;
  for (let y = 1; y < rows; y++) {
    let j = rowStart[y - 1]!;
    const jEnd = rowStart[y]!;
    const kEnd = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < kEnd; k++) {
      const a = first[k]! - reach;
      const b = last[k]! + reach;
      // Skip runs above that end before this one starts; they cannot touch later runs either.
      while (j < jEnd && last[j]! < a) j++;
      for (let m = j; m < jEnd && first[m]! <= b; m++) {
        const rootK = findRunRoot(parent, k);
        const rootM = findRunRoot(parent, m);
        if (rootK < rootM) parent[rootM] = rootK;
        else if (rootM < rootK) parent[rootK] = rootM;
      }
    }
  }
  return parent;
}

/**
 * Connected-component labelling of a row-major 0/1 mask: horizontal runs (maskRuns) joined by a
 * union-find where runs on adjacent rows touch. The segmenters use it to keep the body and arms, drop
 * the table and specks, and to find holes, several times per slice, so it works on runs and typed
 * arrays only. Labels are numbered 1..count in raster order of each component's first pixel, so the
 * result is deterministic and independent of the union-find's internal choices.
 */
import { maskRuns, type MaskRuns } from './maskRuns.ts';

/** 4: edge neighbours only; 8: edge and corner neighbours. */
export type Connectivity = 4 | 8;

export interface ComponentLabels {
  readonly rows: number;
  readonly cols: number;
  /** Per pixel: 0 for background, otherwise the component's label 1..count. */
  readonly labels: Int32Array;
  readonly count: number;
  /** Pixel count per label; index 0 is unused (0). Length count + 1. */
  readonly sizes: Int32Array;
  /** Inclusive bounding boxes per label, same indexing as `sizes`. */
  readonly minRow: Int32Array;
  readonly maxRow: Int32Array;
  readonly minCol: Int32Array;
  readonly maxCol: Int32Array;
  /** The runs that were labelled and the label of each run: callers iterate these instead of pixels. */
  readonly runs: MaskRuns;
  readonly runLabels: Int32Array;
}

function findRoot(parent: Int32Array, label: number): number {
  let root = label;
  while (parent[root] !== root) root = parent[root]!;
  // Path compression keeps later finds O(1) in practice.
  while (parent[label] !== root) {
    const next = parent[label]!;
    parent[label] = root;
    label = next;
  }
  return root;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = findRoot(parent, a);
  const rb = findRoot(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

/** Label the non-zero pixels of `mask` (rows×cols) into connected components. */
export function connectedComponents(mask: Uint8Array, rows: number, cols: number, connectivity: Connectivity = 8): ComponentLabels {
  if (mask.length !== rows * cols) throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);
  if (connectivity !== 4 && connectivity !== 8) throw new RangeError(`connectivity must be 4 or 8, got ${String(connectivity)}`);
  const runs = maskRuns(mask, rows, cols, 1);
  const { rowStart, first, last, count: runCount } = runs;
  // Union-find over runs. Runs are in raster order, so the smallest run index of a component is its
  // first run in raster order; keeping the smaller index as root makes labels follow raster order.
  const parent = new Int32Array(runCount);
  for (let k = 0; k < runCount; k++) parent[k] = k;
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
      for (let m = j; m < jEnd && first[m]! <= b; m++) union(parent, k, m);
    }
  }

  const labelOfRun = new Int32Array(runCount);
  let count = 0;
  for (let k = 0; k < runCount; k++) {
    const root = findRoot(parent, k);
    labelOfRun[k] = root === k ? ++count : labelOfRun[root]!;
  }

  const labels = new Int32Array(rows * cols);
  const sizes = new Int32Array(count + 1);
  const minRow = new Int32Array(count + 1).fill(rows);
  const maxRow = new Int32Array(count + 1).fill(-1);
  const minCol = new Int32Array(count + 1).fill(cols);
  const maxCol = new Int32Array(count + 1).fill(-1);
  minRow[0] = 0;
  minCol[0] = 0;
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < end; k++) {
      const label = labelOfRun[k]!;
      const a = first[k]!;
      const b = last[k]!;
      labels.fill(label, y * cols + a, y * cols + b + 1);
      sizes[label]! += b - a + 1;
      if (y < minRow[label]!) minRow[label] = y;
      if (y > maxRow[label]!) maxRow[label] = y;
      if (a < minCol[label]!) minCol[label] = a;
      if (b > maxCol[label]!) maxCol[label] = b;
    }
  }
  return { rows, cols, labels, count, sizes, minRow, maxRow, minCol, maxCol, runs, runLabels: labelOfRun };
}

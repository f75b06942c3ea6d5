/**
 * Connected-component labelling of a row-major 0/1 mask: horizontal runs (maskRuns) joined by a
 * union-find where runs on adjacent rows touch. The segmenters use it to keep the body and arms, drop
 * the table and specks, and to find holes, several times per slice, so it works on runs and typed
 * arrays only. Labels are numbered 1..count in raster order of each component's first pixel, so the
 * result is deterministic and independent of the union-find's internal choices.
 */
import { maskRuns, type MaskRuns } from './maskRuns.ts';
import { joinTouchingRuns, findRunRoot, type Connectivity } from './joinTouchingRuns.ts';

export type { Connectivity } from './joinTouchingRuns.ts';

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

/** Label the non-zero pixels of `mask` (rows×cols) into connected components. */
export function connectedComponents(mask: Uint8Array, rows: number, cols: number, connectivity: Connectivity = 8): ComponentLabels {
  if (mask.length !== rows * cols) throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);
  const runs = maskRuns(mask, rows, cols, 1);
  const { rowStart, first, last, count: runCount } = runs;
  const parent = joinTouchingRuns(runs, connectivity);

  const labelOfRun = new Int32Array(runCount);
  let count = 0;
  for (let k = 0; k < runCount; k++) {
    const root = findRunRoot(parent, k);
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

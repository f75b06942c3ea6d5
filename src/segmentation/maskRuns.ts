/**
 * Run-length view of a binary mask: for every row, the horizontal runs of set pixels. Morphology and
 * connected components work on runs instead of pixels because a body mask has only a handful of runs
 * per row (even a lung full of vessels has tens), so per-run work is far cheaper than per-pixel work.
 */

export interface MaskRuns {
  readonly rows: number;
  readonly cols: number;
  /** Runs of row y are indices rowStart[y] .. rowStart[y+1]-1. Length rows + 1. */
  readonly rowStart: Int32Array;
  /** First and last column (inclusive) of each run, in raster order. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly count: number;
}

/** Runs of non-zero pixels (or, with `value` 0, of zero pixels). */
export function maskRuns(mask: Uint8Array, rows: number, cols: number, value: 0 | 1 = 1): MaskRuns {
  if (mask.length !== rows * cols) throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);
  // One pass with worst-case capacity (a run needs at least one pixel and one gap): allocation is a
  // memset, cheaper than a counting pass.
  const capacity = rows * ((cols + 1) >> 1);
  let first = new Int32Array(capacity);
  let last = new Int32Array(capacity);
  const rowStart = new Int32Array(rows + 1);
  let k = 0;
  const wanted = value === 1;
  for (let y = 0; y < rows; y++) {
    rowStart[y] = k;
    const start = y * cols;
    const end = start + cols;
    let i = start;
    while (i < end) {
      if (wanted) while (i < end && mask[i] === 0) i++;
      else while (i < end && mask[i] !== 0) i++;
      if (i >= end) break;
      first[k] = i - start;
      if (wanted) while (i < end && mask[i] !== 0) i++;
      else while (i < end && mask[i] === 0) i++;
      last[k] = i - start - 1;
      k++;
    }
  }
  rowStart[rows] = k;
  if (k < capacity >> 2) {
    first = first.slice(0, k);
    last = last.slice(0, k);
  }
  return { rows, cols, rowStart, first, last, count: k };
}

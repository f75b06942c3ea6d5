/**
 * Connected-component labelling of a row-major 0/1 mask (classic two-pass algorithm with a
 * union-find over provisional labels). The segmenters use it to keep the body and arms, drop the
 * table and specks, and to find holes; it runs once or twice per slice, so it works on typed arrays
 * only. Labels are numbered 1..count in raster order of each component's first pixel, so the result
 * is deterministic and independent of the union-find's internal choices.
 */

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

function union(parent: Int32Array, a: number, b: number): number {
  const ra = findRoot(parent, a);
  const rb = findRoot(parent, b);
  if (ra === rb) return ra;
  // Smaller label wins: provisional labels increase in raster order.
  if (ra < rb) {
    parent[rb] = ra;
    return ra;
  }
  parent[ra] = rb;
  return rb;
}

/** Label the non-zero pixels of `mask` (rows×cols) into connected components. */
export function connectedComponents(mask: Uint8Array, rows: number, cols: number, connectivity: Connectivity = 8): ComponentLabels {
  if (mask.length !== rows * cols) throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);
  if (connectivity !== 4 && connectivity !== 8) throw new RangeError(`connectivity must be 4 or 8, got ${String(connectivity)}`);
  const n = rows * cols;
  const labels = new Int32Array(n);
  // Provisional labels (one per pixel that starts a new run of labels); grown on demand.
  let parent = new Int32Array(Math.min(n, 1024) + 2);
  let next = 1;
  const eight = connectivity === 8;

  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    const above = start - cols;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      if (mask[i] === 0) continue;
      let label = 0;
      if (x > 0) label = labels[i - 1]!;
      if (y > 0) {
        const up = labels[above + x]!;
        if (up !== 0) label = label === 0 ? up : union(parent, label, up);
        if (eight) {
          if (x > 0) {
            const upLeft = labels[above + x - 1]!;
            if (upLeft !== 0) label = label === 0 ? upLeft : union(parent, label, upLeft);
          }
          if (x + 1 < cols) {
            const upRight = labels[above + x + 1]!;
            if (upRight !== 0) label = label === 0 ? upRight : union(parent, label, upRight);
          }
        }
      }
      if (label === 0) {
        if (next >= parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        parent[next] = next;
        label = next++;
      }
      labels[i] = label;
    }
  }

  // Final labels: 1..count in order of first appearance (raster order of the component's first pixel,
  // because each root is the smallest provisional label of its set).
  const finalOf = new Int32Array(next);
  let count = 0;
  for (let p = 1; p < next; p++) {
    const root = findRoot(parent, p);
    if (root === p) finalOf[p] = ++count;
  }
  for (let p = 1; p < next; p++) finalOf[p] = finalOf[findRoot(parent, p)]!;

  const sizes = new Int32Array(count + 1);
  const minRow = new Int32Array(count + 1).fill(rows);
  const maxRow = new Int32Array(count + 1).fill(-1);
  const minCol = new Int32Array(count + 1).fill(cols);
  const maxCol = new Int32Array(count + 1).fill(-1);
  minRow[0] = 0;
  minCol[0] = 0;
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      const provisional = labels[i]!;
      if (provisional === 0) continue;
      const label = finalOf[provisional]!;
      labels[i] = label;
      sizes[label]!++;
      if (y < minRow[label]!) minRow[label] = y;
      if (y > maxRow[label]!) maxRow[label] = y;
      if (x < minCol[label]!) minCol[label] = x;
      if (x > maxCol[label]!) maxCol[label] = x;
    }
  }
  return { rows, cols, labels, count, sizes, minRow, maxRow, minCol, maxCol };
}

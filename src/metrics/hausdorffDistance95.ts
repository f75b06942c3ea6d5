/**
 * 95th-percentile symmetric Hausdorff distance between the boundaries of two binary masks (rows×cols,
 * any non-zero sample is foreground), in pixels: the usual segmentation boundary metric (HD95), the
 * same definition as models/training/metrics.py so that the Python and TypeScript reports agree:
 *  - boundary = foreground pixels with a 4-neighbour outside the mask (the image border counts as
 *    outside, as scipy's binary_erosion with border_value 0);
 *  - distances from each boundary pixel of A to the nearest boundary pixel of B and back, pooled;
 *  - the 95th percentile with linear interpolation (numpy's default);
 *  - 0 when both masks are empty, the image diagonal when only one is (the worst possible miss).
 * Distances come from an exact Euclidean distance transform (Felzenszwalb & Huttenlocher's lower
 * envelope of parabolas, one pass per axis), O(rows·cols).
 */
import { requireSamePairs } from './requireSamePairs.ts';

function boundaryOf(mask: ArrayLike<number>, rows: number, cols: number): Uint8Array {
  const out = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const i = y * cols + x;
      if (mask[i] === 0) continue;
      const edge = y === 0 || x === 0 || y === rows - 1 || x === cols - 1 || mask[i - 1] === 0 || mask[i + 1] === 0 || mask[i - cols] === 0 || mask[i + cols] === 0;
      if (edge) out[i] = 1;
    }
  }
  return out;
}

/** 1-D squared distance transform of f (0 at sites, Infinity elsewhere) into d. */
function transform1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    if (f[q] === Infinity) continue;
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    let s: number;
    for (;;) {
      const p = v[k]!;
      s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * (q - p));
      if (s <= z[k]! && k > 0) k--;
      else break;
    }
    if (s <= z[k]!) {
      // k = 0 and the new parabola is lower everywhere.
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  if (k < 0) {
    d.fill(Infinity, 0, n);
    return;
  }
  let j = 0;
  for (let q = 0; q < n; q++) {
    while (z[j + 1]! < q) j++;
    const p = v[j]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}

/** Squared Euclidean distance from every pixel to the nearest set pixel of `sites`. */
function squaredDistanceTo(sites: Uint8Array, rows: number, cols: number): Float64Array {
  const n = Math.max(rows, cols);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const grid = new Float64Array(rows * cols);
  for (let x = 0; x < cols; x++) {
    for (let y = 0; y < rows; y++) f[y] = sites[y * cols + x] ? 0 : Infinity;
    transform1d(f, rows, d, v, z);
    for (let y = 0; y < rows; y++) grid[y * cols + x] = d[y]!;
  }
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) f[x] = grid[y * cols + x]!;
    transform1d(f, cols, d, v, z);
    for (let x = 0; x < cols; x++) grid[y * cols + x] = d[x]!;
  }
  return grid;
}

function percentile(values: Float64Array, fraction: number): number {
  const sorted = values.slice().sort();
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function hausdorffDistance95(a: ArrayLike<number>, b: ArrayLike<number>, rows: number, cols: number): number {
  requireSamePairs('hausdorffDistance95', a, b, true);
  if (a.length !== rows * cols) throw new RangeError(`hausdorffDistance95: ${a.length} samples do not match ${rows}x${cols}`);
  const edgeA = boundaryOf(a, rows, cols);
  const edgeB = boundaryOf(b, rows, cols);
  const anyA = edgeA.includes(1);
  const anyB = edgeB.includes(1);
  if (!anyA && !anyB) return 0;
  if (!anyA || !anyB) return Math.hypot(rows, cols);
  const toB = squaredDistanceTo(edgeB, rows, cols);
  const toA = squaredDistanceTo(edgeA, rows, cols);
  const distances: number[] = [];
  for (let i = 0; i < edgeA.length; i++) {
    if (edgeA[i]) distances.push(Math.sqrt(toB[i]!));
    if (edgeB[i]) distances.push(Math.sqrt(toA[i]!));
  }
  return percentile(Float64Array.from(distances), 0.95);
}

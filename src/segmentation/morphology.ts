/**
 * Binary morphology (dilate, erode, open, close) on row-major 0/1 masks, with a disk or a square
 * structuring element of any radius. The segmenters run several of these per slice, so they must be
 * cheap at radius 10+ on 512×512: they work on horizontal runs (maskRuns) instead of a (2r+1)²
 * neighbourhood loop per pixel.
 *
 * Border convention: pixels outside the image count as background for dilation and as foreground for
 * erosion (erosion is the dual of dilation of the complement), so an object that touches the image
 * border (a tight crop, a reformat) is not eaten from the border by an erosion or an opening. The
 * closing is computed as on an unbounded plane (see closeMask).
 */
import { maskRuns } from './maskRuns.ts';

/** 'disk': all (dx, dy) with dx² + dy² ≤ r²; 'square': max(|dx|, |dy|) ≤ r. */
export type StructuringShape = 'disk' | 'square';

export interface StructuringElement {
  readonly shape: StructuringShape;
  /** Radius in pixels (integer ≥ 0; 0 is the identity). */
  readonly radius: number;
}

/** Half-width of the element at vertical offset |dy| = 0..r. */
function halfWidths(shape: StructuringShape, r: number): Int32Array {
  const widths = new Int32Array(r + 1);
  for (let dy = 0; dy <= r; dy++) widths[dy] = shape === 'square' ? r : Math.floor(Math.sqrt(r * r - dy * dy) + 1e-9);
  return widths;
}

function checkShape(mask: Uint8Array, rows: number, cols: number, radius: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || mask.length !== rows * cols) {
    throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);
  }
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`structuring element radius must be an integer >= 0, got ${radius}`);
}

/**
 * Dilation on runs: a run [a, b] of row y + dy contributes [a − w, b + w] to row y, w being the
 * element's half-width at |dy|. Each output row is the union of those intervals, painted with a
 * difference array (+1 at a − w, −1 after b + w, prefix sum > 0) over the covered span only, so the
 * cost is O(rows · (2r + 1) · runs per row + painted pixels), whatever the radius.
 *
 * `value` picks which pixels are dilated (1: set pixels; 0: unset pixels, for erosion), and with
 * `complement` the output is inverted while it is written (erosion = complement of the dilated
 * background) instead of in a second pass.
 */
function dilateRuns(mask: Uint8Array, rows: number, cols: number, element: StructuringElement, value: 0 | 1, complement: boolean): Uint8Array {
  const r = element.radius;
  const runs = maskRuns(mask, rows, cols, value);
  const { rowStart, first, last } = runs;
  const widths = halfWidths(element.shape, r);
  const out = new Uint8Array(rows * cols);
  if (complement) out.fill(1);
  const diff = new Int32Array(cols + 1);
  const paint = complement ? 0 : 1;
  for (let y = 0; y < rows; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(rows - 1, y + r);
    let spanStart = cols;
    let spanEnd = -1;
    for (let yy = y0; yy <= y1; yy++) {
      const w = widths[yy > y ? yy - y : y - yy]!;
      const end = rowStart[yy + 1]!;
      for (let k = rowStart[yy]!; k < end; k++) {
        let a = first[k]! - w;
        let b = last[k]! + w;
        if (a < 0) a = 0;
        if (b >= cols) b = cols - 1;
        diff[a]!++;
        diff[b + 1]!--;
        if (a < spanStart) spanStart = a;
        if (b > spanEnd) spanEnd = b;
      }
    }
    if (spanEnd < 0) continue;
    const start = y * cols;
    let level = 0;
    let x = spanStart;
    while (x <= spanEnd) {
      // Jump from event to event: fill the covered stretches natively.
      level += diff[x]!;
      diff[x] = 0;
      if (level > 0) {
        const runStart = x;
        x++;
        while (x <= spanEnd) {
          level += diff[x]!;
          diff[x] = 0;
          if (level === 0) break;
          x++;
        }
        out.fill(paint, start + runStart, start + x);
      }
      x++;
    }
    diff[spanEnd + 1] = 0;
  }
  return out;
}

/** Binary dilation. Returns a new mask; the input is not modified. */
export function dilateMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  checkShape(mask, rows, cols, element.radius);
  if (element.radius === 0) return normalise(mask);
  return dilateRuns(mask, rows, cols, element, 1, false);
}

/** Binary erosion (dual of dilation: outside the image counts as foreground). Returns a new mask. */
export function erodeMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  checkShape(mask, rows, cols, element.radius);
  if (element.radius === 0) return normalise(mask);
  // Dilate the background (runs of zeros) and write the complement.
  return dilateRuns(mask, rows, cols, element, 0, true);
}

/** Opening (erode, then dilate): removes parts narrower than the element. */
export function openMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  return dilateMask(erodeMask(mask, rows, cols, element), rows, cols, element);
}

/**
 * Closing (dilate, then erode): seals gaps narrower than the element. Computed as on an unbounded
 * plane with nothing outside the image (the mask is padded by the radius for the duration), so the
 * closing never pushes an object out to the border just because it came within r of it.
 */
export function closeMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  checkShape(mask, rows, cols, element.radius);
  const r = element.radius;
  if (r === 0) return normalise(mask);
  const paddedRows = rows + 2 * r;
  const paddedCols = cols + 2 * r;
  const padded = new Uint8Array(paddedRows * paddedCols);
  for (let y = 0; y < rows; y++) {
    const from = y * cols;
    const to = (y + r) * paddedCols + r;
    for (let x = 0; x < cols; x++) padded[to + x] = mask[from + x] === 0 ? 0 : 1;
  }
  const closed = erodeMask(dilateMask(padded, paddedRows, paddedCols, element), paddedRows, paddedCols, element);
  const out = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) out.set(closed.subarray((y + r) * paddedCols + r, (y + r) * paddedCols + r + cols), y * cols);
  return out;
}

function normalise(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] === 0 ? 0 : 1;
  return out;
}

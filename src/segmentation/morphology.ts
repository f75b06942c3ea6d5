/**
 * Binary morphology (dilate, erode, open, close) on row-major 0/1 masks, with a disk or a square
 * structuring element of any radius. The segmenters run several of these per slice, so they must be
 * cheap at radius 10+ on 512×512: each operation is a few linear passes over typed arrays instead of
 * a (2r+1)² neighbourhood loop.
 *
 * Border convention: pixels outside the image count as background for dilation and as foreground for
 * erosion (erosion is the dual of dilation of the complement). So an object that touches the image
 * border (a tight crop, a reformat) is not eaten from the border by an opening, and a closing does
 * not invent a frame along the border.
 */

/** 'disk': all (dx, dy) with dx² + dy² ≤ r²; 'square': max(|dx|, |dy|) ≤ r. */
export type StructuringShape = 'disk' | 'square';

export interface StructuringElement {
  readonly shape: StructuringShape;
  /** Radius in pixels (integer ≥ 0; 0 is the identity). */
  readonly radius: number;
}

/**
 * Distance, along each row, from every pixel to the nearest set pixel of that row, capped at
 * `cap` (anything farther reads `cap`). Two sweeps per row.
 */
function rowDistances(mask: Uint8Array, rows: number, cols: number, cap: number): Int32Array {
  const distance = new Int32Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    let d = cap;
    for (let x = 0; x < cols; x++) {
      if (mask[start + x] !== 0) d = 0;
      else if (d < cap) d++;
      distance[start + x] = d;
    }
    d = cap;
    for (let x = cols - 1; x >= 0; x--) {
      const i = start + x;
      if (mask[i] !== 0) d = 0;
      else if (d < cap) d++;
      if (d < distance[i]!) distance[i] = d;
    }
  }
  return distance;
}

/**
 * Distance, along each column, to the nearest pixel where `near` holds (values ≤ limit), capped.
 * Used twice: to finish a square dilation, and to skip pixels that no disk can reach.
 */
function columnDistancesWhere(values: Int32Array, limit: number, rows: number, cols: number, cap: number): Int32Array {
  const distance = new Int32Array(rows * cols);
  const running = new Int32Array(cols).fill(cap);
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      let d = running[x]!;
      if (values[i]! <= limit) d = 0;
      else if (d < cap) d++;
      running[x] = d;
      distance[i] = d;
    }
  }
  running.fill(cap);
  for (let y = rows - 1; y >= 0; y--) {
    const start = y * cols;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      let d = running[x]!;
      if (values[i]! <= limit) d = 0;
      else if (d < cap) d++;
      running[x] = d;
      if (d < distance[i]!) distance[i] = d;
    }
  }
  return distance;
}

function checkShape(mask: Uint8Array, rows: number, cols: number, radius: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || mask.length !== rows * cols) {
    throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);
  }
  if (!Number.isInteger(radius) || radius < 0) throw new RangeError(`structuring element radius must be an integer >= 0, got ${radius}`);
}

function dilateSquare(mask: Uint8Array, rows: number, cols: number, r: number): Uint8Array {
  const horizontal = rowDistances(mask, rows, cols, r + 1);
  const vertical = columnDistancesWhere(horizontal, r, rows, cols, r + 1);
  const out = new Uint8Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = vertical[i]! <= r ? 1 : 0;
  return out;
}

/**
 * A pixel is in the disk dilation when some row y+dy (|dy| ≤ r) has a set pixel within
 * halfWidth[|dy|] = ⌊√(r² − dy²)⌋ columns. Row distances answer "within how many columns" for every
 * row at once; the column pre-pass rules out, in O(1), the pixels farther than r rows from any
 * candidate, so the dy scan only runs in a band of width r around object boundaries.
 */
function dilateDisk(mask: Uint8Array, rows: number, cols: number, r: number): Uint8Array {
  const horizontal = rowDistances(mask, rows, cols, r + 1);
  const vertical = columnDistancesWhere(horizontal, r, rows, cols, r + 1);
  const halfWidth = new Int32Array(r + 1);
  for (let dy = 0; dy <= r; dy++) halfWidth[dy] = Math.floor(Math.sqrt(r * r - dy * dy) + 1e-9);
  const out = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      if (horizontal[i] === 0) {
        out[i] = 1;
        continue;
      }
      if (vertical[i]! > r) continue;
      let hit = horizontal[i]! <= halfWidth[0]!;
      for (let dy = 1; !hit && dy <= r; dy++) {
        const w = halfWidth[dy]!;
        if (y - dy >= 0 && horizontal[i - dy * cols]! <= w) hit = true;
        else if (y + dy < rows && horizontal[i + dy * cols]! <= w) hit = true;
      }
      if (hit) out[i] = 1;
    }
  }
  return out;
}

/** Binary dilation. Returns a new mask; the input is not modified. */
export function dilateMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  checkShape(mask, rows, cols, element.radius);
  if (element.radius === 0) return normalise(mask);
  return element.shape === 'square'
    ? dilateSquare(mask, rows, cols, element.radius)
    : dilateDisk(mask, rows, cols, element.radius);
}

/** Binary erosion (dual of dilation: outside the image counts as foreground). Returns a new mask. */
export function erodeMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  checkShape(mask, rows, cols, element.radius);
  const out = dilateMask(invert(mask), rows, cols, element);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! ^ 1;
  return out;
}

/** Opening (erode, then dilate): removes parts narrower than the element. */
export function openMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  return dilateMask(erodeMask(mask, rows, cols, element), rows, cols, element);
}

/** Closing (dilate, then erode): seals gaps narrower than the element. */
export function closeMask(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  return erodeMask(dilateMask(mask, rows, cols, element), rows, cols, element);
}

function invert(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] === 0 ? 1 : 0;
  return out;
}

function normalise(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] === 0 ? 0 : 1;
  return out;
}

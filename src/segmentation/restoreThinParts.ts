/**
 * Gives back the thin body parts that the opening cut away.
 *
 * The opening (erosion, then dilation within the threshold mask) separates the table and blankets
 * from the body, but it also drops any part of the body thinner than the structuring element that is
 * attached to the rest only through thin necks: a thin lateral chest wall over the lung, an ear, a
 * finger, the nose tip. Left out, such a part is called background, and worse, the lung behind a lost
 * chest wall is no longer enclosed and stays open to the outside. Pixels above threshold that were
 * removed are grouped into connected pieces, and a piece comes back when
 *  - it touches the body (8-neighbourhood),
 *  - at least `minSeedFraction` of it is clearly tissue (seeds: blankets and foam are not), and
 *  - with `tableBelow`, it is not a wide slab (width ≥ tableAspect × height) whose centre lies below
 *    the body's centre: that is the table top or its pad, even where it touches the patient's back.
 */
import { connectedComponents } from './connectedComponents.ts';

export interface RestoreRules {
  readonly seeds: Uint8Array;
  readonly minSeedFraction: number;
  readonly tableAspect: number;
  readonly tableBelow: boolean;
}

/** Returns `body` plus the restored pieces (a new mask). */
export function restoreThinParts(body: Uint8Array, candidates: Uint8Array, rows: number, cols: number, rules: RestoreRules): Uint8Array {
  const n = rows * cols;
  const removed = new Uint8Array(n);
  let bodyPixels = 0;
  let bodyRowSum = 0;
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      if (body[i] !== 0) {
        bodyPixels++;
        bodyRowSum += y;
      } else if (candidates[i] !== 0) removed[i] = 1;
    }
  }
  const out = Uint8Array.from(body);
  if (bodyPixels === 0) return out;
  const bodyCentreRow = bodyRowSum / bodyPixels;

  const pieces = connectedComponents(removed, rows, cols, 8);
  const { count, sizes, minRow, maxRow, minCol, maxCol, runs, runLabels } = pieces;
  if (count === 0) return out;
  const touches = new Uint8Array(count + 1);
  const seedCounts = new Int32Array(count + 1);
  const rowSums = new Float64Array(count + 1);
  for (let y = 0; y < rows; y++) {
    const end = runs.rowStart[y + 1]!;
    for (let k = runs.rowStart[y]!; k < end; k++) {
      const label = runLabels[k]!;
      const a = runs.first[k]!;
      const b = runs.last[k]!;
      rowSums[label]! += y * (b - a + 1);
      let seedCount = 0;
      for (let i = y * cols + a; i <= y * cols + b; i++) seedCount += rules.seeds[i]!;
      seedCounts[label]! += seedCount;
      if (touches[label] === 1) continue;
      // 8-neighbourhood of the run: columns a-1..b+1 on rows y-1..y+1 (the run itself is not body).
      const x0 = a > 0 ? a - 1 : 0;
      const x1 = b + 1 < cols ? b + 1 : cols - 1;
      for (let yy = y > 0 ? y - 1 : 0; yy <= y + 1 && yy < rows && touches[label] === 0; yy++) {
        for (let i = yy * cols + x0; i <= yy * cols + x1; i++) {
          if (body[i] !== 0) {
            touches[label] = 1;
            break;
          }
        }
      }
    }
  }

  const restore = new Uint8Array(count + 1);
  for (let label = 1; label <= count; label++) {
    if (touches[label] !== 1) continue;
    if (seedCounts[label]! < rules.minSeedFraction * sizes[label]!) continue;
    const width = maxCol[label]! - minCol[label]! + 1;
    const height = maxRow[label]! - minRow[label]! + 1;
    if (rules.tableBelow && width >= rules.tableAspect * height && rowSums[label]! / sizes[label]! > bodyCentreRow) continue;
    restore[label] = 1;
  }
  for (let y = 0; y < rows; y++) {
    const end = runs.rowStart[y + 1]!;
    for (let k = runs.rowStart[y]!; k < end; k++) {
      if (restore[runLabels[k]!] === 1) out.fill(1, y * cols + runs.first[k]!, y * cols + runs.last[k]! + 1);
    }
  }
  return out;
}

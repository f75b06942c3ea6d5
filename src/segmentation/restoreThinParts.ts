/**
 * Gives back the thin body parts that the opening cut away.
 *
 * The opening (erosion, then growth back through the threshold mask) separates the table and
 * blankets from the body, but it also drops any part of the body thinner than the structuring
 * element that is attached to the rest only through thin necks: a thin lateral chest wall over the
 * lung, an ear, a finger, the nose tip. Left out, such a part is called background, and worse, the
 * lung behind a lost chest wall is no longer enclosed and stays open to the outside. Pixels above
 * threshold that were removed are grouped into connected pieces, and a piece comes back when
 *  - it touches the body (8-neighbourhood),
 *  - its neck is clearly tissue: at least `minSeedFraction` of the neck pixels are seeds, where the
 *    neck is the piece's pixels that touch the body plus those within 2 px of the body (Euclidean)
 *    that touch one of these (blankets, foam and the noise halo around an MR head are light where they
 *    meet the body; a chest wall or an ear is tissue there),
 *  - at least `minSeedFraction` of the whole piece is seeds too (a tissue neck in front of a light
 *    piece: the coil-noise band under an MR chin that touches the skin), and
 *  - with `tableBelow`, it is not a wide slab (width ≥ tableAspect × height) whose centre lies below
 *    the body's centre: that is the table top or its pad, even where it touches the patient's back.
 *
 * The neck rule is what keeps the mask the same on a stego image. The segmenter's final mask holds
 * the body dilated by its safety margin (2 px), and the embedders write only blocks wholly outside
 * the mask, so the neck is never written. A piece that stays background may reach into the written
 * air and change there, but its neck, and so its neck decision, cannot; two such pieces joined
 * through written pixels have a neck made of their two light necks, and stay background. Deciding
 * on the whole piece alone (the first version) let a few written pixels that crossed the seed level
 * tip a noise piece at the edge of a brain-tumor crop from 28% to 31% seeds.
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

  // Per piece: its seeds, and the pixels and seeds of its neck. Contacts first (removed pixels with a
  // body pixel among their 8 neighbours), then the neck: the contacts plus the removed pixels within
  // 2 px of the body (Euclidean) that have a contact among their 8 neighbours.
  const contact = new Uint8Array(n);
  for (let y = 0; y < rows; y++) {
    const end = runs.rowStart[y + 1]!;
    for (let k = runs.rowStart[y]!; k < end; k++) {
      for (let x = runs.first[k]!; x <= runs.last[k]!; x++) if (anySet(body, rows, cols, y, x)) contact[y * cols + x] = 1;
    }
  }
  const pieceSeeds = new Int32Array(count + 1);
  const neckPixels = new Int32Array(count + 1);
  const neckSeeds = new Int32Array(count + 1);
  const rowSums = new Float64Array(count + 1);
  for (let y = 0; y < rows; y++) {
    const end = runs.rowStart[y + 1]!;
    for (let k = runs.rowStart[y]!; k < end; k++) {
      const label = runLabels[k]!;
      const a = runs.first[k]!;
      const b = runs.last[k]!;
      rowSums[label]! += y * (b - a + 1);
      for (let x = a; x <= b; x++) {
        const i = y * cols + x;
        const seed = rules.seeds[i]!;
        pieceSeeds[label]! += seed;
        if (contact[i] === 1 || (withinTwo(body, rows, cols, y, x) && anySet(contact, rows, cols, y, x))) {
          neckPixels[label]!++;
          neckSeeds[label]! += seed;
        }
      }
    }
  }

  const restore = new Uint8Array(count + 1);
  for (let label = 1; label <= count; label++) {
    if (neckPixels[label] === 0) continue;
    if (neckSeeds[label]! < rules.minSeedFraction * neckPixels[label]!) continue;
    if (pieceSeeds[label]! < rules.minSeedFraction * sizes[label]!) continue;
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

/** True when one of the 8 neighbours of (y, x) is set in `mask`. */
function anySet(mask: Uint8Array, rows: number, cols: number, y: number, x: number): boolean {
  const y0 = y > 0 ? y - 1 : 0;
  const y1 = y + 1 < rows ? y + 1 : rows - 1;
  const x0 = x > 0 ? x - 1 : 0;
  const x1 = x + 1 < cols ? x + 1 : cols - 1;
  for (let yy = y0; yy <= y1; yy++) {
    for (let i = yy * cols + x0; i <= yy * cols + x1; i++) if (mask[i] !== 0) return true;
  }
  return false;
}

/** True when a body pixel lies exactly two pixels away in a straight line (the rest of the radius-2 disk is the 8-neighbourhood). */
function withinTwo(body: Uint8Array, rows: number, cols: number, y: number, x: number): boolean {
  const i = y * cols + x;
  return (y >= 2 && body[i - 2 * cols] !== 0) || (y + 2 < rows && body[i + 2 * cols] !== 0) || (x >= 2 && body[i - 2] !== 0) || (x + 2 < cols && body[i + 2] !== 0);
}

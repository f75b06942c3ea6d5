/**
 * Hole filling for a body mask: background regions enclosed by the body (lungs, bowel gas, sinuses,
 * the dark skull between scalp and brain on MR) become body. Policy says internal air is significant,
 * and a hole left open would be handed to the embedder as "insignificant".
 *
 * Background is taken 4-connected (the dual of an 8-connected foreground), so a diagonal chain of
 * body pixels is enough to close a hole.
 *
 * The border case: on a tight crop or a reformat, a lung can be cut by the image border, so its air
 * touches the border and a classic fill (flood from the border) would call it outside. With
 * `maxBorderContactFraction` > 0, a border-touching background region is still filled when only a
 * small part of its outline is image border and the rest is body. The outline is measured in pixel
 * edges: borderEdges = edges between the region and the outside of the image, bodyEdges = edges
 * between the region and a body pixel; the region is filled when
 * borderEdges / (borderEdges + bodyEdges) ≤ maxBorderContactFraction. The outside air of an ordinary
 * slice runs along the whole frame (a fraction well above 0.5); a lung cut by one edge only along its
 * cut (typically 0.1–0.2).
 */
import { connectedComponents } from './connectedComponents.ts';

export interface FillHolesOptions {
  /**
   * 0 (default): classic filling, any region touching the border is outside. In (0, 1): also fill
   * border-touching regions whose outline is mostly body (see the module comment).
   */
  readonly maxBorderContactFraction?: number;
  /**
   * Optional per-pixel evidence that a background pixel is inside the body although it is below the
   * body threshold (CT: lung parenchyma is above −950 HU, outside air is not). A border-touching
   * region is also filled when at least `minEvidenceFraction` (default 0.75) of its pixels carry
   * evidence: the lung of a tight crop, cut open along two edges, is still lung.
   */
  readonly insideEvidence?: Uint8Array;
  readonly minEvidenceFraction?: number;
}

/** Pixels of [a, b] covered by runs from..end of one row (runs sorted, `from` the first that may overlap). */
function coveredBy(first: Int32Array, last: Int32Array, from: number, end: number, a: number, b: number): number {
  let covered = 0;
  for (let m = from; m < end && first[m]! <= b; m++) {
    const lo = first[m]! > a ? first[m]! : a;
    const hi = last[m]! < b ? last[m]! : b;
    if (hi >= lo) covered += hi - lo + 1;
  }
  return covered;
}

/** Returns a new mask with the holes of `mask` (rows×cols, 0/1) filled. */
export function fillHoles(mask: Uint8Array, rows: number, cols: number, options: FillHolesOptions = {}): Uint8Array {
  const fraction = options.maxBorderContactFraction ?? 0;
  if (!(fraction >= 0 && fraction < 1)) throw new RangeError(`maxBorderContactFraction must be in [0, 1), got ${fraction}`);
  const n = rows * cols;
  if (mask.length !== n) throw new RangeError(`mask length ${mask.length} does not match ${rows}x${cols}`);

  const background = new Uint8Array(n);
  for (let i = 0; i < n; i++) background[i] = mask[i] === 0 ? 1 : 0;
  const regions = connectedComponents(background, rows, cols, 4);
  const { count, runs, runLabels } = regions;
  const { rowStart, first, last } = runs;

  // Edge counts per region, from runs: a run's left and right ends meet either the image border or
  // the body; along its top and bottom, the pixels not covered by background runs of the row above
  // (below) meet the body (any background pixel there would be 4-connected, so in the same region),
  // and in the first (last) row they meet the border.
  const borderEdges = new Float64Array(count + 1);
  const bodyEdges = new Float64Array(count + 1);
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    // Pointers into the rows above and below; runs are sorted, so they only move forward.
    let above = y > 0 ? rowStart[y - 1]! : 0;
    const aboveEnd = y > 0 ? rowStart[y]! : 0;
    let below = y + 1 < rows ? rowStart[y + 1]! : 0;
    const belowEnd = y + 1 < rows ? rowStart[y + 2]! : 0;
    for (let k = rowStart[y]!; k < end; k++) {
      const label = runLabels[k]!;
      const a = first[k]!;
      const b = last[k]!;
      const length = b - a + 1;
      if (a === 0) borderEdges[label]!++;
      else bodyEdges[label]!++;
      if (b === cols - 1) borderEdges[label]!++;
      else bodyEdges[label]!++;
      if (y === 0) borderEdges[label]! += length;
      else {
        while (above < aboveEnd && last[above]! < a) above++;
        bodyEdges[label]! += length - coveredBy(first, last, above, aboveEnd, a, b);
      }
      if (y === rows - 1) borderEdges[label]! += length;
      else {
        while (below < belowEnd && last[below]! < a) below++;
        bodyEdges[label]! += length - coveredBy(first, last, below, belowEnd, a, b);
      }
    }
  }

  const evidence = options.insideEvidence;
  const evidenceCounts = new Float64Array(count + 1);
  if (evidence) {
    if (evidence.length !== n) throw new RangeError(`insideEvidence length ${evidence.length} does not match ${rows}x${cols}`);
    for (let y = 0; y < rows; y++) {
      const end = rowStart[y + 1]!;
      for (let k = rowStart[y]!; k < end; k++) {
        let c = 0;
        for (let i = y * cols + first[k]!; i <= y * cols + last[k]!; i++) c += evidence[i] === 0 ? 0 : 1;
        evidenceCounts[runLabels[k]!]! += c;
      }
    }
  }
  const minEvidence = options.minEvidenceFraction ?? 0.75;

  const fill = new Uint8Array(count + 1);
  for (let label = 1; label <= count; label++) {
    const border = borderEdges[label]!;
    if (border === 0) fill[label] = 1;
    else if (fraction > 0 && border <= fraction * (border + bodyEdges[label]!)) fill[label] = 1;
    else if (evidence && evidenceCounts[label]! >= minEvidence * regions.sizes[label]!) fill[label] = 1;
  }

  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = mask[i] === 0 ? 0 : 1;
  for (let y = 0; y < rows; y++) {
    const end = rowStart[y + 1]!;
    for (let k = rowStart[y]!; k < end; k++) {
      if (fill[runLabels[k]!] === 1) out.fill(1, y * cols + first[k]!, y * cols + last[k]! + 1);
    }
  }
  return out;
}

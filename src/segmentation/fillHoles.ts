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
 * small part of its outline is image border and the rest is body: for each region, borderPixels is
 * the number of its pixels on the image edge and bodyContact the number of its pixels with a body
 * pixel as a 4-neighbour, and the region is filled when
 * borderPixels / (borderPixels + bodyContact) ≤ maxBorderContactFraction. Outside air on an ordinary
 * slice touches the whole frame (a fraction well above 0.5), a lung cut by one edge only its cut.
 */
import { connectedComponents } from './connectedComponents.ts';

export interface FillHolesOptions {
  /**
   * 0 (default): classic filling, any region touching the border is outside. In (0, 1): also fill
   * border-touching regions whose outline is mostly body (see the module comment).
   */
  readonly maxBorderContactFraction?: number;
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
  const { labels, count } = regions;

  const borderPixels = new Int32Array(count + 1);
  const bodyContact = new Int32Array(count + 1);
  for (let y = 0; y < rows; y++) {
    const start = y * cols;
    const edgeRow = y === 0 || y === rows - 1;
    for (let x = 0; x < cols; x++) {
      const i = start + x;
      const label = labels[i]!;
      if (label === 0) continue;
      if (edgeRow || x === 0 || x === cols - 1) borderPixels[label]!++;
      if (
        (x > 0 && labels[i - 1] === 0) ||
        (x + 1 < cols && labels[i + 1] === 0) ||
        (y > 0 && labels[i - cols] === 0) ||
        (y + 1 < rows && labels[i + cols] === 0)
      ) {
        bodyContact[label]!++;
      }
    }
  }

  const fill = new Uint8Array(count + 1);
  for (let label = 1; label <= count; label++) {
    const border = borderPixels[label]!;
    if (border === 0) fill[label] = 1;
    else if (fraction > 0 && border <= fraction * (border + bodyContact[label]!)) fill[label] = 1;
  }

  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = mask[i] !== 0 || fill[labels[i]!] === 1 ? 1 : 0;
  return out;
}

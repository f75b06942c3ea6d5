/**
 * Boundary refinement of the Mask R-CNN's mask by the classical segmenter. The network decides
 * *where* the body is (one body, no table, no padding, pure-noise MR slices empty), but its outline
 * is coarse: its mask head has 56×56 cells per box (one cell ≈ 4 canvas pixels on a body) and the
 * canvas is 256 px for a 512 px slice, so errors of a few canvas pixels remain at the skin (DESIGN
 * §7: every remaining error was at the boundary). The classical segmenter, in turn, follows the skin
 * to the pixel, and it is invariant to the embedding by design (segmentByThreshold), which the
 * network is not: the paper profile writes air right next to the head, and the network's outline
 * there moved by hundreds of pixels between cover and stego on an MR fixture.
 *
 * So the network selects and the classical segmenter delineates:
 *   refined = reconstruct(classical, from classical ∩ erode(network, r)) ∪ erode(network, 3r),
 * then holes filled. Every classical body component that reaches into the network's core (its mask
 * eroded by r, the band width) is kept whole, with the classical outline; a classical component the
 * network does not see (a noise blob, a cushion) is dropped; and body the network finds far inside
 * its own outline (3 bands deep) stays body even where the classical segmenter missed it (a missed
 * body part is the dangerous error). Measured with the committed model against the one-band rule
 * erode(network, r) ∪ (dilate(network, r) ∩ classical): mean IoU vs the classical masks on every
 * 4th shared slice CT 0.9962 → 0.9998, MR 0.9669 → 0.9776; on sag-anon-mprage-0095 embedded with
 * the paper profile, cover and stego masks differ by 454 → 4 pixels.
 *
 * Erosion counts the outside of the image as body (see morphology), so on a tight crop the core
 * does not shrink away from the image border where the body is simply cut.
 */
import type { BodyMask } from '../Segmenter.ts';
import { fillHoles } from '../fillHoles.ts';
import { erodeMask } from '../morphology.ts';
import { reconstructMask } from '../reconstructMask.ts';

/** How many bands deep network-only body must lie to be kept without the classical segmenter's support. */
const DEEP_BANDS = 3;

/**
 * @param network 0/1 mask from the network (rows×cols)
 * @param classical 0/1 mask from segmentByThreshold with no safety margin (rows×cols)
 * @param bandPixels the band width r in slice pixels (the size of the network's outline errors)
 */
export function refineMaskBoundary(network: Uint8Array, classical: Uint8Array, rows: number, cols: number, bandPixels: number): BodyMask {
  const n = rows * cols;
  if (network.length !== n || classical.length !== n) throw new RangeError(`mask lengths ${network.length}, ${classical.length} do not match ${rows}x${cols}`);
  if (!Number.isInteger(bandPixels) || bandPixels < 0) throw new RangeError(`bandPixels must be an integer >= 0, got ${bandPixels}`);
  const core = erodeMask(network, rows, cols, { shape: 'disk', radius: bandPixels });
  const seeds = new Uint8Array(n);
  for (let i = 0; i < n; i++) seeds[i] = core[i]! & (classical[i] === 0 ? 0 : 1);
  const refined = reconstructMask(seeds, classical, rows, cols, 8);
  const deep = erodeMask(network, rows, cols, { shape: 'disk', radius: DEEP_BANDS * bandPixels });
  for (let i = 0; i < n; i++) refined[i] = refined[i]! | deep[i]!;
  return fillHoles(refined, rows, cols);
}

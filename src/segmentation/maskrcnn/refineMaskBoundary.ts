/**
 * Boundary refinement of the Mask R-CNN's mask by the classical segmenter. The network's outline is
 * coarse: its mask head has 56×56 cells per box (one cell ≈ 4 canvas pixels on a body) and the
 * canvas is 256 px for a 512 px slice, so errors of a few canvas pixels remain at the skin (DESIGN
 * §7; measured alone it reaches IoU 0.960 CT / 0.950 MR on the validation series, see
 * models/MODEL_CARD.md). The classical segmenter follows the skin to the pixel and is invariant to
 * the embedding by design (segmentByThreshold), which the network is not.
 *
 * The rule is a union, because the two errors do not weigh the same: a body pixel left out of the
 * mask is written over by the embedder (the medical-safety rule is that the body stays bit-identical),
 * while background kept as body only costs capacity.
 *   refined = classical ∪ erode(network, 3r)   when the network's body is supported by tissue,
 *   refined = classical                        otherwise,
 * then holes filled. Every classical body component is kept with its own outline, and body the
 * network finds far inside its own outline (3 bands deep, r = the band width, the size of its outline
 * errors) is added even where the classical segmenter missed it.
 *
 * Why not let the network veto classical components (the previous rule kept only the classical
 * components that reached into the network's core): on the shared data the components it dropped
 * were a chin in front of the neck (TCGA-THCA 1-003, 1,135 px), ear tips on MR end slices the network
 * missed altogether (sag-anon-mprage 0005, 0185), and small blobs at the edge of MR fields of view;
 * only the first two kinds matter, and both are body.
 *
 * "Supported": at least half of the network's mask is tissue by the classical segmenter's thresholds
 * (MIN_TISSUE_SUPPORT). With the first committed model the support on the shared slices with a
 * detection was ≥ 0.82 or ≤ 0.03: the low values were near-empty MR end slices where the network
 * reported a head-sized region of noise (sag-anon-mprage 0007 and 0191, scores 0.66 and 0.50), and
 * there its region also moved with the embedding (paper profile on 0007: cover/stego mask NCC 0.84)
 * while the classical mask did not. The current model (fine-tuned) no longer detects those, and its
 * support is ≥ 0.83 on every shared slice with a detection; the gate stays for the scanners it has
 * not seen.
 *
 * Erosion counts the outside of the image as body (see morphology), so on a tight crop the core
 * does not shrink away from the image border where the body is simply cut.
 */
import type { BodyMask } from '../Segmenter.ts';
import { fillHoles } from '../fillHoles.ts';
import { erodeMask } from '../morphology.ts';

/** How many bands deep network-only body must lie to be added to the classical mask. */
const DEEP_BANDS = 3;
/** Share of the network's mask that must be classical tissue for its interior to count. */
export const MIN_TISSUE_SUPPORT = 0.5;

/** |network ∩ classical| / |network|; 0 for an empty network mask. */
export function tissueSupport(network: Uint8Array, classical: Uint8Array): number {
  let area = 0;
  let both = 0;
  for (let i = 0; i < network.length; i++) {
    if (network[i] === 0) continue;
    area++;
    if (classical[i] !== 0) both++;
  }
  return area === 0 ? 0 : both / area;
}

/**
 * @param network 0/1 mask from the network (rows×cols)
 * @param classical 0/1 mask from segmentByThreshold with no safety margin (rows×cols)
 * @param bandPixels the band width r in slice pixels (the size of the network's outline errors)
 */
export function refineMaskBoundary(network: Uint8Array, classical: Uint8Array, rows: number, cols: number, bandPixels: number): BodyMask {
  const n = rows * cols;
  if (network.length !== n || classical.length !== n) throw new RangeError(`mask lengths ${network.length}, ${classical.length} do not match ${rows}x${cols}`);
  if (!Number.isInteger(bandPixels) || bandPixels < 0) throw new RangeError(`bandPixels must be an integer >= 0, got ${bandPixels}`);
  const refined = new Uint8Array(n);
  for (let i = 0; i < n; i++) refined[i] = classical[i] === 0 ? 0 : 1;
  if (tissueSupport(network, classical) >= MIN_TISSUE_SUPPORT) {
    const deep = erodeMask(network, rows, cols, { shape: 'disk', radius: DEEP_BANDS * bandPixels });
    for (let i = 0; i < n; i++) refined[i] = refined[i]! | deep[i]!;
  }
  return fillHoles(refined, rows, cols);
}

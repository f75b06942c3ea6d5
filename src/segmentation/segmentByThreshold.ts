/**
 * The classical body segmenter, synchronous core: threshold, morphology, connected components, hole
 * filling. The `threshold` Segmenter wraps it; the Mask R-CNN path can reuse it to refine a coarse
 * mask's boundary.
 *
 * Pipeline (every radius in pixels, scaled with the image size unless given):
 *  1. one pass over the pixels (thresholdCandidates): padding (Pixel Padding Value, or CT values far
 *     below air), candidates, seeds, CT lung-like pixels, MR anatomy anchors;
 *  2. erosion by a disk of `openingRadius`: cuts the table, blankets and cushions where they touch
 *     the body through thin contacts, and dissolves noise specks;
 *  3. keep the body components (selectBodyComponents: the main body, arms, legs, a chin tip; not the
 *     table below a supine patient, not foam or blankets, not MR noise without anchors);
 *  4. grow those back through the candidates (reconstructMask), no further than openingRadius +
 *     `boundaryRecoveryPixels` from them: the boundary returns to the thresholded skin instead of the
 *     smoothed opening, only pixels near the kept body can come back, and only those joined to it (a
 *     noise speck a few pixels off the skin stays out);
 *  5. give back thin body parts the erosion cut off (restoreThinParts: a thin chest wall, an ear),
 *     judged by their neck, where they meet the body;
 *  6. closing by `closingRadius`, then hole filling with the border rules (fillHoles): lungs, bowel
 *     gas, sinuses and airway openings narrower than the closing become body, also when a crop cuts a
 *     lung at the image border (a region mostly enclosed by body, or, on CT, mostly lung-like);
 *  7. the safety margin: dilation by `safetyMarginPixels`;
 *  8. padding removed again.
 *
 * Errors are asymmetric: a body pixel called background may be altered by the embedder, a background
 * pixel called body only costs capacity. Every choice above leans towards "body" at the boundary.
 *
 * Stability under embedding: the receiver recomputes the mask on the stego image, and the embedders
 * write only 4×4 blocks that lie wholly outside the mask, hence more than `safetyMarginPixels` (≥ 2)
 * from the body of step 6. Given the same thresholds and the same kept cores (steps 1–3), step 4
 * gives the same body whatever was written: it moves from pixel to touching pixel, so the first
 * written pixel it could take would touch the cover's body, and none does. Step 5 never takes a piece
 * whose neck (within 2 px of the body, so never written) is light; a piece left out on the cover
 * despite a tissue neck, because most of it is light, could only come in on the stego image if the
 * written pixels joined to it were clearly tissue. Steps 6–8 see the same input. What does depend on
 * the written air: the MR thresholds (thresholdCandidates keeps them on the body's side), a new core
 * where written candidates complete a disk of openingRadius, and a new component, which on MR needs
 * anchors. scripts/segmentation-stability.ts measures the whole on the shared data.
 */
import type { PixelImage } from '../image/PixelImage.ts';
import type { BodyMask } from './Segmenter.ts';
import { fillHoles } from './fillHoles.ts';
import { closeMask, dilateMask, erodeMask } from './morphology.ts';
import { reconstructMask } from './reconstructMask.ts';
import { restoreThinParts } from './restoreThinParts.ts';
import { selectBodyComponents } from './selectBodyComponents.ts';
import { thresholdCandidates } from './thresholdCandidates.ts';

export interface ThresholdSegmenterOptions {
  /** CT body threshold in HU (default −400). */
  readonly ctThresholdHu?: number;
  /** CT "clearly tissue" threshold in HU (default −150). */
  readonly ctSeedHu?: number;
  /**
   * CT: background regions touching the image border are still filled when three quarters of their
   * pixels are between this (HU, default −950) and the body threshold: lung parenchyma, cut open by a
   * tight crop, is not outside air (measured: cut lungs 0.90–0.98, outside regions at most 0.53, the
   * foam mattress under a patient who spans the image width).
   */
  readonly ctAirMaxHu?: number;
  /** CT values below this (HU) are padding even without Pixel Padding Value (default −1500). */
  readonly paddingBelowHu?: number;
  /** MR/other: candidate threshold as a multiple of the noise floor max(background level, 1) (default 3; see thresholdCandidates). */
  readonly noiseMultiple?: number;
  /** MR/other: a component is anatomy only if it holds a solid spot (3+ pixels whose 4-neighbours agree) this many times above the noise floor max(background level, 1) (default 12). */
  readonly anatomyContrast?: number;
  /** Opening radius (default: 5 px per 512 px of the larger image side for CT, 4 for others; at least 1). */
  readonly openingRadius?: number;
  /** Extra pixels, beyond the opening radius, that the boundary may grow back through the threshold mask (default 2). */
  readonly boundaryRecoveryPixels?: number;
  /** Closing radius before hole filling (default: 6 px per 512 px, at least 2). */
  readonly closingRadius?: number;
  /** A component is kept only if at least this fraction of the largest body component (default 0: every component that passes the other rules, so a chin tip or a finger cut off in a slice stays body). */
  readonly keepComponentFraction?: number;
  /** Components smaller than this fraction of the image (after erosion) are specks (default 0.00005, 13 pixels on 512×512). */
  readonly minComponentFraction?: number;
  /** Fraction of a component (or of a restored thin part, and of its neck) that must be seeds, i.e. clearly tissue (default 0.3). */
  readonly minSeedFraction?: number;
  /** Hole filling's border rule (see fillHoles; default 0.3, 0 = classic filling). */
  readonly maxBorderContactFraction?: number;
  /**
   * Final dilation of the body mask, in pixels (default 2). A margin around the skin that the
   * embedder never touches: it absorbs boundary errors of the threshold (partial-volume skin pixels,
   * hair, a gap in a thin structure), and it keeps the embedder's blocks more than 2 px from the body,
   * which the stability of the mask under embedding rests on (see above): below 2 that argument no
   * longer holds. 0 disables it.
   */
  readonly safetyMarginPixels?: number;
}

/** Width/height ratio from which a component may be the table (CT only; MR has no table in view). */
const TABLE_ASPECT = 3;

interface ResolvedOptions {
  ctThresholdHu: number;
  ctSeedHu: number;
  ctAirMaxHu: number;
  paddingBelowHu: number;
  noiseMultiple: number;
  anatomyContrast: number;
  openingRadius: number;
  boundaryRecoveryPixels: number;
  closingRadius: number;
  keepComponentFraction: number;
  minComponentFraction: number;
  minSeedFraction: number;
  maxBorderContactFraction: number;
  safetyMarginPixels: number;
}

function checkRadius(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer >= 0, got ${value}`);
  return value;
}

function resolveOptions(image: PixelImage, options: ThresholdSegmenterOptions): ResolvedOptions {
  const scale = Math.max(image.rows, image.cols) / 512;
  const isCt = image.modality === 'CT';
  return {
    ctThresholdHu: options.ctThresholdHu ?? -400,
    ctSeedHu: options.ctSeedHu ?? -150,
    ctAirMaxHu: options.ctAirMaxHu ?? -950,
    paddingBelowHu: options.paddingBelowHu ?? -1500,
    noiseMultiple: options.noiseMultiple ?? 3,
    anatomyContrast: options.anatomyContrast ?? 12,
    openingRadius: checkRadius('openingRadius', options.openingRadius ?? Math.max(1, Math.round((isCt ? 5 : 4) * scale))),
    boundaryRecoveryPixels: checkRadius('boundaryRecoveryPixels', options.boundaryRecoveryPixels ?? 2),
    closingRadius: checkRadius('closingRadius', options.closingRadius ?? Math.max(2, Math.round(6 * scale))),
    keepComponentFraction: options.keepComponentFraction ?? 0,
    minComponentFraction: options.minComponentFraction ?? 0.00005,
    minSeedFraction: options.minSeedFraction ?? 0.3,
    maxBorderContactFraction: options.maxBorderContactFraction ?? 0.3,
    safetyMarginPixels: checkRadius('safetyMarginPixels', options.safetyMarginPixels ?? 2),
  };
}

/** Body mask of one slice (1 = significant). A slice with no anatomy gives an all-zero mask. */
export function segmentByThreshold(image: PixelImage, options: ThresholdSegmenterOptions = {}): BodyMask {
  const { rows, cols } = image;
  const n = rows * cols;
  if (image.pixels.length !== n) throw new RangeError(`pixel count ${image.pixels.length} does not match ${rows}x${cols}`);
  const o = resolveOptions(image, options);
  const disk = (radius: number) => ({ shape: 'disk' as const, radius });

  const { candidates, seeds, padding, lungLike, anchors } = thresholdCandidates(image, o);

  const isCt = image.modality === 'CT';
  // On MR, a single bright noise pixel is not tissue: seeds must survive a one-pixel erosion.
  const solidSeeds = isCt ? seeds : erodeMask(seeds, rows, cols, disk(1));
  const tableAspect = isCt ? TABLE_ASPECT : Infinity;

  const eroded = erodeMask(candidates, rows, cols, disk(o.openingRadius));
  const kept = selectBodyComponents(eroded, rows, cols, {
    minPixels: Math.max(4, Math.round(o.minComponentFraction * n)),
    keepFraction: o.keepComponentFraction,
    seeds: solidSeeds,
    minSeedFraction: o.minSeedFraction,
    tableAspect,
    tableBelow: isCt,
    anchors: anchors ? erodeMask(anchors, rows, cols, disk(1)) : undefined,
    minAnchorPixels: 3,
  });

  const reach = dilateMask(kept, rows, cols, disk(o.openingRadius + o.boundaryRecoveryPixels));
  let any = false;
  for (let i = 0; i < n; i++) {
    reach[i] = reach[i]! & candidates[i]!;
    if (reach[i] !== 0) any = true;
  }
  if (!any) return new Uint8Array(n);
  const grown = reconstructMask(kept, reach, rows, cols, 8);
  const restored = restoreThinParts(grown, candidates, rows, cols, { seeds, minSeedFraction: o.minSeedFraction, tableAspect, tableBelow: isCt });

  const closed = o.closingRadius > 0 ? closeMask(restored, rows, cols, disk(o.closingRadius)) : restored;
  let body = fillHoles(closed, rows, cols, {
    maxBorderContactFraction: o.maxBorderContactFraction,
    insideEvidence: lungLike,
  });
  if (o.safetyMarginPixels > 0) body = dilateMask(body, rows, cols, disk(o.safetyMarginPixels));
  if (padding) for (let i = 0; i < n; i++) if (padding[i] !== 0) body[i] = 0;
  return body;
}

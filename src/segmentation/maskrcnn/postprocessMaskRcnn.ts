/**
 * The Mask R-CNN's post-processing (contract v1), from the session's outputs to the body mask of
 * the slice, in one pure function so it is tested once for every runtime:
 *  1. union of the confident instances on the canvas (unionConfidentInstances);
 *  2. crop of the letterbox, bilinear resampling to rows×cols, threshold (pasteCanvasMask);
 *  3. hole filling (internal air is body);
 *  4. boundary refinement: the classical segmenter's mask, with the network's body deep inside its
 *     outline added where tissue supports it (refineMaskBoundary);
 *  5. the safety margin of the threshold segmenter (dilation, 2 px by default), then padding removed,
 *     as segmentByThreshold does, so both segmenters hand the embedder the same kind of mask.
 */
import { isPaddingValue, toModalityValue, type PixelImage } from '../../image/PixelImage.ts';
import type { BodyMask } from '../Segmenter.ts';
import { fillHoles } from '../fillHoles.ts';
import { dilateMask } from '../morphology.ts';
import { segmentByThreshold, type ThresholdSegmenterOptions } from '../segmentByThreshold.ts';
import type { TensorLike } from './InferenceSessionLike.ts';
import type { MaskRcnnMetadata } from './loadMaskRcnnMetadata.ts';
import { pasteCanvasMask } from './pasteCanvasMask.ts';
import type { PreprocessedSlice } from './preprocessSlice.ts';
import { refineMaskBoundary } from './refineMaskBoundary.ts';
import { unionConfidentInstances } from './unionConfidentInstances.ts';

export interface MaskRcnnRefineOptions {
  /**
   * Band width r of refineMaskBoundary, in slice pixels (default: 8 canvas pixels in slice pixels,
   * round(8 / scale), at least 2: 16 px on 512×512, 8 px on 256×256).
   */
  readonly bandPixels?: number;
  /** Options of the classical segmenter run for the refinement (its safety margin is always 0 here). */
  readonly threshold?: ThresholdSegmenterOptions;
}

export interface MaskRcnnPostprocessOptions {
  /** Boundary refinement (default on); false keeps the network's resampled outline. */
  readonly refine?: boolean | MaskRcnnRefineOptions;
  /** Final dilation in pixels, as the threshold segmenter's (default 2; 0 disables it). */
  readonly safetyMarginPixels?: number;
}

/**
 * Band width in slice pixels for a letterbox scale (canvas pixels per slice pixel): 8 canvas pixels,
 * about two cells of the 56×56 mask head on a body-sized box (~200 canvas px), the size of the
 * network's outline errors (on MR faces it lay up to 8 px wide of the skin on 256×256 slices).
 */
export function defaultBandPixels(scale: number): number {
  return Math.max(2, Math.round(8 / scale));
}

/**
 * Padding never becomes body, margin or not: declared Pixel Padding Value, and on CT values far below
 * air (the classical segmenter's paddingBelowHu, default −1500 HU; see thresholdCandidates).
 */
function removePadding(mask: Uint8Array, image: PixelImage, paddingBelowHu: number): void {
  const isCt = image.modality === 'CT';
  const declared = image.pixelPaddingValue !== undefined;
  if (!isCt && !declared) return;
  const { pixels } = image;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const v = pixels[i]!;
    if ((isCt && toModalityValue(image, v) < paddingBelowHu) || (declared && isPaddingValue(image, v))) mask[i] = 0;
  }
}

function refineOptions(options: MaskRcnnPostprocessOptions): MaskRcnnRefineOptions | false {
  return options.refine === undefined || options.refine === true ? {} : options.refine;
}

/**
 * The classical mask the refinement uses (segmentByThreshold, no margin), or undefined when
 * refinement is off. It does not depend on the network's outputs, so the segmenter computes it
 * while the network runs and hands it to postprocessMaskRcnn.
 */
export function classicalMaskForRefinement(image: PixelImage, options: MaskRcnnPostprocessOptions = {}): BodyMask | undefined {
  const refine = refineOptions(options);
  return refine ? segmentByThreshold(image, { ...(refine.threshold ?? {}), safetyMarginPixels: 0 }) : undefined;
}

export function postprocessMaskRcnn(
  outputs: Record<string, TensorLike>,
  preprocessed: Pick<PreprocessedSlice, 'scale' | 'resizedRows' | 'resizedCols'>,
  image: PixelImage,
  metadata: MaskRcnnMetadata,
  options: MaskRcnnPostprocessOptions = {},
  classicalMask: BodyMask | undefined = classicalMaskForRefinement(image, options),
): BodyMask {
  const { rows, cols } = image;
  const margin = options.safetyMarginPixels ?? 2;
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`safetyMarginPixels must be an integer >= 0, got ${margin}`);
  const refine = refineOptions(options);
  const thresholdOptions = refine ? refine.threshold ?? {} : {};

  const canvas = unionConfidentInstances(outputs, metadata);
  const placement = { canvasSize: metadata.inputSize, resizedRows: preprocessed.resizedRows, resizedCols: preprocessed.resizedCols };
  let mask = pasteCanvasMask(canvas, placement, rows, cols, metadata.maskThreshold);
  // No detection: without refinement the mask is empty; with it the classical segmenter still
  // decides (an ear tip on an MR end slice that the network missed stays body).
  if (!refine && !mask.includes(1)) return mask;
  mask = fillHoles(mask, rows, cols);
  if (refine) {
    if (!classicalMask || classicalMask.length !== rows * cols) throw new RangeError('postprocessMaskRcnn: the classical mask does not match the image');
    mask = refineMaskBoundary(mask, classicalMask, rows, cols, refine.bandPixels ?? defaultBandPixels(preprocessed.scale));
  }
  if (margin > 0) mask = dilateMask(mask, rows, cols, { shape: 'disk', radius: margin });
  removePadding(mask, image, thresholdOptions.paddingBelowHu ?? -1500);
  return mask;
}

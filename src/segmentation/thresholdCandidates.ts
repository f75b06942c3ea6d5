/**
 * The per-modality threshold step of the classical segmenter: which pixels could be body
 * (`candidates`) and which are clearly tissue (`seeds`).
 *
 * CT, in Hounsfield units through the rescale: candidates are above `ctThresholdHu` (−400 sits
 * halfway between air at −1000 and fat at −100, so partial-volume skin pixels count as body); seeds
 * are above `ctSeedHu` (−150: fat and everything denser; foam cushions, blankets and air never reach
 * it).
 *
 * MR and other modalities have no physical scale: the thresholds are measured on the slice. The
 * background level b (see estimateBackgroundLevel) sets the candidate threshold at
 * max(noiseMultiple·b, b + 3), just above the noise floor (Rayleigh noise of mean b exceeds 4b with
 * probability exp(−8·(4/π)) ≈ 4·10⁻⁶), so dark tissue at the edge (skin, muscle) stays in; the
 * seed threshold is max(2× that, b + 10% of the range up to the bright level), which pure noise does
 * not reach over any area.
 */
import { toModalityValue, type PixelImage } from '../image/PixelImage.ts';
import { estimateBackgroundLevel } from './estimateBackgroundLevel.ts';

export interface CandidateOptions {
  readonly ctThresholdHu: number;
  readonly ctSeedHu: number;
  readonly noiseMultiple: number;
}

export interface ThresholdCandidates {
  /** 1 = above the body threshold (before any morphology), 0 elsewhere and on padding. */
  readonly candidates: Uint8Array;
  /** 1 = clearly tissue. */
  readonly seeds: Uint8Array;
  /** The thresholds actually used, in stored values (for tests and diagnostics). */
  readonly candidateThreshold: number;
  readonly seedThreshold: number;
}

/** `padding` (1 = padding) is excluded from both masks. */
export function thresholdCandidates(image: PixelImage, padding: Uint8Array, options: CandidateOptions): ThresholdCandidates {
  const { pixels, rows, cols } = image;
  const n = rows * cols;
  let low: number;
  let high: number;
  if (image.modality === 'CT') {
    // A non-positive slope flips (or flattens) the order of stored values: compare modality values per pixel.
    if (!(image.rescaleSlope > 0)) return fromModalityValues(image, padding, options);
    // Otherwise compare stored values directly: the rescale is affine, one division per slice instead of one per pixel.
    low = (options.ctThresholdHu - image.rescaleIntercept) / image.rescaleSlope;
    high = (options.ctSeedHu - image.rescaleIntercept) / image.rescaleSlope;
  } else {
    const background = estimateBackgroundLevel(pixels, rows, cols);
    const b = Math.max(0, background.level);
    low = Math.max(options.noiseMultiple * b, b + 3);
    high = Math.max(2 * low, b + 0.1 * (background.brightLevel - b));
  }
  const candidates = new Uint8Array(n);
  const seeds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (padding[i] !== 0) continue;
    const v = pixels[i]!;
    if (v > low) {
      candidates[i] = 1;
      if (v > high) seeds[i] = 1;
    }
  }
  return { candidates, seeds, candidateThreshold: low, seedThreshold: high };
}

function fromModalityValues(image: PixelImage, padding: Uint8Array, options: CandidateOptions): ThresholdCandidates {
  const n = image.rows * image.cols;
  const candidates = new Uint8Array(n);
  const seeds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (padding[i] !== 0) continue;
    const hu = toModalityValue(image, image.pixels[i]!);
    if (hu > options.ctThresholdHu) {
      candidates[i] = 1;
      if (hu > options.ctSeedHu) seeds[i] = 1;
    }
  }
  const slope = image.rescaleSlope;
  return {
    candidates,
    seeds,
    candidateThreshold: (options.ctThresholdHu - image.rescaleIntercept) / slope,
    seedThreshold: (options.ctSeedHu - image.rescaleIntercept) / slope,
  };
}

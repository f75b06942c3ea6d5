/**
 * Mean structural similarity index (SSIM) of two single-channel images, as defined by Wang, Bovik,
 * Sheikh and Simoncelli, "Image quality assessment: from error visibility to structural similarity",
 * IEEE TIP 13(4), 2004, with the reference implementation's choices (ssim_index.m):
 * - an 11 × 11 circular-symmetric Gaussian window, σ = 1.5, normalised to sum 1;
 * - K1 = 0.01, K2 = 0.03, C1 = (K1·L)², C2 = (K2·L)², L the dynamic range;
 * - "valid" windows only (every window lies inside the image; no padding), averaged uniformly;
 * - biased (weighted, not N−1) local variances and covariance;
 * - no automatic downsampling (the later ssim.m downsamples large images; we do not, so values on
 *   512 × 512 slices measure the full-resolution image).
 *
 * L defaults to max(a) − min(a), in the spirit of psnrDbRange: stored values of a 12-bit CT rarely
 * span the 2^BitsStored range, and C1, C2 should scale with what the image actually spans. Pass
 * `dynamicRange` (e.g. 2^BitsStored − 1) to use another convention. A constant `a` falls back to L = 1.
 */
import { MedstegoError } from '../errors/index.ts';
import { requireSamePairs } from './requireSamePairs.ts';
import { valueRange } from './valueRange.ts';

export interface StructuralSimilarityOptions {
  /** L in C1 = (K1·L)², C2 = (K2·L)²; default max(a) − min(a) (1 when a is constant). */
  readonly dynamicRange?: number;
}

const WINDOW = 11;
const SIGMA = 1.5;
const K1 = 0.01;
const K2 = 0.03;

/** The 1-D factor of the separable Gaussian window; its outer product sums to 1. */
function gaussianKernel(): Float64Array {
  const kernel = new Float64Array(WINDOW);
  const half = (WINDOW - 1) / 2;
  let sum = 0;
  for (let i = 0; i < WINDOW; i++) {
    const x = i - half;
    kernel[i] = Math.exp(-(x * x) / (2 * SIGMA * SIGMA));
    sum += kernel[i]!;
  }
  for (let i = 0; i < WINDOW; i++) kernel[i]! /= sum;
  return kernel;
}

const KERNEL = gaussianKernel();

export function structuralSimilarity(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rows: number,
  cols: number,
  options: StructuralSimilarityOptions = {},
): number {
  requireSamePairs('structuralSimilarity', a, b);
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows * cols !== a.length) {
    throw new MedstegoError('INTERNAL', 'structuralSimilarity: rows*cols must equal the array length.', {
      rows,
      cols,
      length: a.length,
    });
  }
  if (rows < WINDOW || cols < WINDOW) {
    throw new MedstegoError('INTERNAL', `structuralSimilarity: images must be at least ${WINDOW}×${WINDOW}.`, { rows, cols });
  }
  let range = options.dynamicRange;
  if (range === undefined) {
    const { min, max } = valueRange(a);
    range = max > min ? max - min : 1;
  } else if (!(range > 0) || !Number.isFinite(range)) {
    throw new MedstegoError('INTERNAL', 'structuralSimilarity: dynamicRange must be a positive finite number.', {
      dynamicRange: range,
    });
  }
  const c1 = (K1 * range) ** 2;
  const c2 = (K2 * range) ** 2;

  // Separable filtering: horizontal pass over every row into (rows × outCols) buffers for the five
  // local moments, then a vertical pass per output pixel. ~11·2·5 multiply-adds per pixel.
  const outRows = rows - WINDOW + 1;
  const outCols = cols - WINDOW + 1;
  const hA = new Float64Array(rows * outCols);
  const hB = new Float64Array(rows * outCols);
  const hAA = new Float64Array(rows * outCols);
  const hBB = new Float64Array(rows * outCols);
  const hAB = new Float64Array(rows * outCols);
  for (let r = 0; r < rows; r++) {
    const rowStart = r * cols;
    for (let c = 0; c < outCols; c++) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let k = 0; k < WINDOW; k++) {
        const w = KERNEL[k]!;
        const x = a[rowStart + c + k]!;
        const y = b[rowStart + c + k]!;
        sa += w * x;
        sb += w * y;
        saa += w * x * x;
        sbb += w * y * y;
        sab += w * x * y;
      }
      const o = r * outCols + c;
      hA[o] = sa;
      hB[o] = sb;
      hAA[o] = saa;
      hBB[o] = sbb;
      hAB[o] = sab;
    }
  }

  let total = 0;
  for (let r = 0; r < outRows; r++) {
    for (let c = 0; c < outCols; c++) {
      let muA = 0;
      let muB = 0;
      let eAA = 0;
      let eBB = 0;
      let eAB = 0;
      for (let k = 0; k < WINDOW; k++) {
        const w = KERNEL[k]!;
        const o = (r + k) * outCols + c;
        muA += w * hA[o]!;
        muB += w * hB[o]!;
        eAA += w * hAA[o]!;
        eBB += w * hBB[o]!;
        eAB += w * hAB[o]!;
      }
      const varA = eAA - muA * muA;
      const varB = eBB - muB * muB;
      const cov = eAB - muA * muB;
      total += ((2 * muA * muB + c1) * (2 * cov + c2)) / ((muA * muA + muB * muB + c1) * (varA + varB + c2));
    }
  }
  return total / (outRows * outCols);
}

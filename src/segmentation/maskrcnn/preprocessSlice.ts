/**
 * Pre-processing `v1` of the Mask R-CNN model contract (.scratch/MODEL_CONTRACT.md, models/README.md):
 * one slice -> the model's 1×1×256×256 input in [0, 1]. Implemented once, here: the training data
 * are exported through this same function (scripts/export-training-data.ts), so what the network
 * saw in training is bit for bit what the runners feed it.
 */
import { toModalityValue, type PixelImage } from '../../image/PixelImage.ts';
import { bilinearTaps } from './bilinearTaps.ts';

/** Side of the square model input. */
export const MASKRCNN_INPUT_SIZE = 256;
/** Identifier of this pre-processing, written in the model metadata and checked at load. */
export const PREPROCESSING_ID = 'v1';

/** CT window −1000..400 HU: air to bone-free soft tissue; the body boundary sits near its bottom. */
const CT_WINDOW_LOW_HU = -1000;
const CT_WINDOW_WIDTH_HU = 1400;
/** Other modalities: min .. 99.5th percentile, so a few hot pixels (fat, vessels, artefacts) do not darken the slice. */
const UPPER_PERCENTILE = 0.995;

export interface PreprocessedSlice {
  /** Row-major 256×256 canvas, values in [0, 1]; the letterboxed slice at the top-left, 0 elsewhere. */
  readonly input: Float32Array;
  /** 256 / max(rows, cols). */
  readonly scale: number;
  /** Size of the resampled slice on the canvas. */
  readonly resizedRows: number;
  readonly resizedCols: number;
}

/** Modality values scaled to [0, 1] by the CT window or by min..percentile. */
function normalise(image: PixelImage): Float32Array {
  const n = image.rows * image.cols;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = toModalityValue(image, image.pixels[i]!);
  const out = new Float32Array(n);
  let lo: number;
  let width: number;
  if (image.modality === 'CT') {
    lo = CT_WINDOW_LOW_HU;
    width = CT_WINDOW_WIDTH_HU;
  } else {
    const sorted = values.slice().sort();
    lo = sorted[0]!;
    width = sorted[Math.floor(UPPER_PERCENTILE * (n - 1))]! - lo;
    if (!(width > 0)) return out;
  }
  for (let i = 0; i < n; i++) out[i] = Math.min(1, Math.max(0, (values[i]! - lo) / width));
  return out;
}

export function preprocessSlice(image: PixelImage): PreprocessedSlice {
  const { rows, cols } = image;
  const scale = MASKRCNN_INPUT_SIZE / Math.max(rows, cols);
  // At least one row/column: a 1×1000 strip still yields a line on the canvas, not nothing.
  const resizedRows = Math.max(1, Math.round(rows * scale));
  const resizedCols = Math.max(1, Math.round(cols * scale));
  const normalised = normalise(image);
  const input = new Float32Array(MASKRCNN_INPUT_SIZE * MASKRCNN_INPUT_SIZE);
  const ys = bilinearTaps(rows, resizedRows);
  const xs = bilinearTaps(cols, resizedCols);
  for (let y = 0; y < resizedRows; y++) {
    const top = ys.i0[y]! * cols;
    const bottom = ys.i1[y]! * cols;
    const wy = ys.w1[y]!;
    for (let x = 0; x < resizedCols; x++) {
      const x0 = xs.i0[x]!;
      const x1 = xs.i1[x]!;
      const wx = xs.w1[x]!;
      const upper = normalised[top + x0]! * (1 - wx) + normalised[top + x1]! * wx;
      const lower = normalised[bottom + x0]! * (1 - wx) + normalised[bottom + x1]! * wx;
      input[y * MASKRCNN_INPUT_SIZE + x] = upper * (1 - wy) + lower * wy;
    }
  }
  return { input, scale, resizedRows, resizedCols };
}

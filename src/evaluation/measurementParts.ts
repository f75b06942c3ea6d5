import type { PixelImage } from '../image/PixelImage.ts';
import { integerPixelPsnrBound, meanSquaredError, psnrDb, psnrDbRange, valueRange } from '../metrics/index.ts';
import type { EvaluationProfile, ProfileMeasurement } from './SliceEvaluation.ts';

/** Milliseconds since `start` (performance.now()), to 0.01 ms. */
export function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 100) / 100;
}

/** PSNR on the written integers in both conventions, next to the integer-pixel bound for the net payload. */
export function distortion(cover: PixelImage, stegoPixels: Int32Array, payloadBits: number): Pick<ProfileMeasurement, 'psnrDb' | 'psnrDbRange' | 'mse' | 'psnrBoundDb' | 'psnrBoundDbRange'> {
  const pixelCount = cover.rows * cover.cols;
  const { min, max } = valueRange(cover.pixels);
  return {
    psnrDb: psnrDb(cover.pixels, stegoPixels, cover.bitsStored),
    psnrDbRange: psnrDbRange(cover.pixels, stegoPixels),
    mse: meanSquaredError(cover.pixels, stegoPixels),
    psnrBoundDb: integerPixelPsnrBound(payloadBits, pixelCount, 2 ** cover.bitsStored - 1).psnrDb,
    psnrBoundDbRange: integerPixelPsnrBound(payloadBits, pixelCount, Math.max(1, max - min)).psnrDb,
  };
}

/** A setting whose embedding was refused (capacity, parameters): only the reason is recorded. */
export function failedMeasurement(
  base: { profile: EvaluationProfile; beta: number | null; capacityBits: number; userPayloadBytes: number },
  errorCode: string,
  payloadBits = 0,
): ProfileMeasurement {
  return {
    ...base,
    payloadBits,
    embeddedBits: 0,
    psnrDb: null,
    psnrDbRange: null,
    mse: null,
    psnrBoundDb: null,
    psnrBoundDbRange: null,
    maskNcc: null,
    extracted: false,
    errorCode,
    embedMs: null,
    extractMs: null,
    attacks: [],
  };
}

/**
 * Additive noise at a target PSNR, measured the way it is reported: on the integers written to the
 * file, in the range convention (MAX = max − min of the cover, DESIGN §3).
 *
 * The nominal standard deviation is √MSE, but rounding to integers adds about 1/12 to the MSE and
 * clipping removes some of it (CT air often sits at the lowest stored value, so half of the noise
 * there is cut off). So the noise field is drawn once from the seed and only its scale is searched:
 * each pixel's change |round(clip(x + s·z)) − x| never decreases as s grows, hence the MSE is
 * monotone in s and bisection finds the scale whose achieved PSNR meets the target.
 */
import type { PixelImage } from '../image/index.ts';
import { MedstegoError } from '../errors/index.ts';
import { valueRange } from '../metrics/valueRange.ts';
import type { ClipRange } from './AttackResult.ts';
import { mseForRangePsnr } from './mseForRangePsnr.ts';

/** Stop once the achieved PSNR is this close to the target (dB). */
const PSNR_TOLERANCE_DB = 1e-3;
const MAX_BISECTIONS = 60;
const MAX_DOUBLINGS = 40;

export interface CalibratedNoise {
  readonly pixels: Int32Array;
  readonly sigma: number;
  readonly mse: number;
  readonly psnrDbRange: number;
  readonly pixelsChanged: number;
}

/** Bounds additive noise is clipped to. */
export function clipBounds(image: PixelImage, clip: ClipRange): { low: number; high: number } {
  if (clip === 'stored') return { low: image.minStored, high: image.maxStored };
  const { min, max } = valueRange(image.pixels);
  return { low: min, high: max };
}

/** The cover's range (the PSNR's MAX); refuses images and targets for which a PSNR means nothing. */
export function requireAttackableRange(image: PixelImage, psnrDb: number): number {
  if (!Number.isFinite(psnrDb)) {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', 'The target PSNR must be a finite number of dB.', { psnrDb: String(psnrDb) });
  }
  const { min, max } = valueRange(image.pixels);
  const range = max - min;
  if (!(range > 0)) {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', 'The image is constant: a PSNR relative to its range is undefined.');
  }
  return range;
}

/**
 * Add `scale · unitNoise` (unitNoise has unit variance) to the image, with the scale chosen so the
 * rounded, clipped result has the target PSNR.
 */
export function addCalibratedNoise(image: PixelImage, unitNoise: Float64Array, psnrDb: number, clip: ClipRange): CalibratedNoise {
  const range = requireAttackableRange(image, psnrDb);
  const targetMse = mseForRangePsnr(range, psnrDb);
  const { low, high } = clipBounds(image, clip);
  const source = image.pixels;
  const count = source.length;
  const out = new Int32Array(count);

  const apply = (scale: number): number => {
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const x = source[i]!;
      let y = Math.round(x + scale * unitNoise[i]!);
      if (y < low) y = low;
      else if (y > high) y = high;
      out[i] = y;
      sum += (y - x) * (y - x);
    }
    return sum / count;
  };
  const gapDb = (mse: number) => (mse === 0 ? Infinity : Math.abs(10 * Math.log10(targetMse / mse)));

  let lower = 0;
  let upper = Math.sqrt(targetMse);
  let upperMse = apply(upper);
  for (let doublings = 0; upperMse < targetMse; doublings++) {
    if (doublings === MAX_DOUBLINGS) {
      throw new MedstegoError('ATTACK_PARAMETERS_INVALID', `Noise clipped to the ${clip} range cannot bring this image down to PSNR ${psnrDb} dB.`, { psnrDb, clip });
    }
    lower = upper;
    upper *= 2;
    upperMse = apply(upper);
  }
  let best = { scale: upper, mse: upperMse };
  for (let step = 0; step < MAX_BISECTIONS && gapDb(best.mse) > PSNR_TOLERANCE_DB; step++) {
    const middle = (lower + upper) / 2;
    const mse = apply(middle);
    if (gapDb(mse) < gapDb(best.mse)) best = { scale: middle, mse };
    if (mse < targetMse) lower = middle;
    else upper = middle;
  }
  const mse = apply(best.scale);
  let pixelsChanged = 0;
  for (let i = 0; i < count; i++) if (out[i] !== source[i]) pixelsChanged++;
  return { pixels: out, sigma: best.scale, mse, psnrDbRange: 10 * Math.log10((range * range) / mse), pixelsChanged };
}

/** Peak signal-to-noise ratio in dB, the paper's Eq. (12): 10·log10(MAX² / MSE). */
import { MedstegoError } from '../errors/index.ts';
import { meanSquaredError } from './meanSquaredError.ts';

/** Infinity when the arrays are identical (MSE = 0). `maxValue` must be positive and finite. */
export function psnr(a: ArrayLike<number>, b: ArrayLike<number>, maxValue: number): number {
  if (!(maxValue > 0) || !Number.isFinite(maxValue)) {
    throw new MedstegoError('INTERNAL', 'psnr: maxValue must be a positive finite number.', { maxValue });
  }
  const mse = meanSquaredError(a, b);
  if (mse === 0) return Infinity;
  return 10 * Math.log10((maxValue * maxValue) / mse);
}

/**
 * PSNR in the paper's convention: MAX = max(cover) − min(cover). Saidi et al. normalise the cover to
 * [0, 1] by its own minimum and maximum and de-normalise the stego to [0, 65535]; their PSNR with
 * MAX 65535 on that stretched image equals PSNR with MAX = (max − min) on the stored values (DESIGN §3).
 * Use it to compare with the paper's tables and for attacks "at PSNR 53 dB".
 *
 * A constant cover has no range: the result is then Infinity when stego equals cover and −Infinity
 * otherwise (10·log10(0 / MSE)), never NaN.
 */
import { meanSquaredError } from './meanSquaredError.ts';
import { valueRange } from './valueRange.ts';

export function psnrDbRange(cover: ArrayLike<number>, stego: ArrayLike<number>): number {
  const mse = meanSquaredError(cover, stego);
  if (mse === 0) return Infinity;
  const { min, max } = valueRange(cover);
  const range = max - min;
  if (range === 0) return -Infinity;
  return 10 * Math.log10((range * range) / mse);
}

/**
 * Salt-and-pepper noise over the whole image (the paper's Table 6 attack, MATLAB
 * `imnoise(…, 'salt & pepper')`), seeded: distinct pixels, chosen uniformly, are set to the
 * image's maximum (salt) or minimum (pepper) with equal odds.
 *
 * Salt and pepper are the *image's* max and min, not the Bits Stored limits: the paper adds the
 * noise to the cover normalised to [0, 1] by its own min and max, where imnoise writes 1 and 0, and
 * those are the cover's max and min in stored values. Bits Stored limits (e.g. 32767 for signed
 * 16-bit CT) would also be far outside anything the scanner produces, an outlier no real channel
 * makes.
 *
 * The amount is either a pixel fraction (exactly round(fraction × pixels) pixels hit) or a target
 * PSNR in the range convention; one hit at 53 dB on CT can change the MSE by most of the budget,
 * so a PSNR target is met as closely as whole pixels allow (DESIGN §3: test by fraction).
 */
import type { PixelImage } from '../image/index.ts';
import { MedstegoError } from '../errors/index.ts';
import { meanSquaredError, psnrDbRange } from '../metrics/index.ts';
import { valueRange } from '../metrics/valueRange.ts';
import type { AttackResult } from './AttackResult.ts';
import { requireAttackableRange } from './addCalibratedNoise.ts';
import { createSeededRandom } from './createSeededRandom.ts';
import { mseForRangePsnr } from './mseForRangePsnr.ts';

export type SaltAndPepperOptions =
  | { readonly seed: number; readonly fraction: number; readonly psnrDb?: undefined }
  | { readonly seed: number; readonly psnrDb: number; readonly fraction?: undefined };

export function addSaltAndPepper(image: PixelImage, options: SaltAndPepperOptions): AttackResult {
  const source = image.pixels;
  const count = source.length;
  const byFraction = options.fraction !== undefined;
  if (byFraction === (options.psnrDb !== undefined)) {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', 'Salt-and-pepper noise needs exactly one of a pixel fraction or a target PSNR.');
  }
  if (byFraction && !(options.fraction! >= 0 && options.fraction! <= 1)) {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', 'The salt-and-pepper fraction must lie in [0, 1].', { fraction: String(options.fraction) });
  }
  const range = byFraction ? 0 : requireAttackableRange(image, options.psnrDb!);
  const targetSum = byFraction ? 0 : mseForRangePsnr(range, options.psnrDb!) * count;
  const hitLimit = byFraction ? Math.round(options.fraction! * count) : count;

  const { min: pepper, max: salt } = valueRange(source);
  const random = createSeededRandom(options.seed);
  const pixels = Int32Array.from(source);
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;

  let hits = 0;
  let squaredSum = 0;
  let reached = false;
  for (; hits < hitLimit && !reached; hits++) {
    // Partial Fisher–Yates: the first `hits` entries of `order` are distinct uniform positions.
    const pick = hits + Math.floor(random() * (count - hits));
    const position = order[pick]!;
    order[pick] = order[hits]!;
    order[hits] = position;
    const value = random() < 0.5 ? pepper : salt;
    const before = squaredSum;
    squaredSum += (value - source[position]!) ** 2;
    if (!byFraction && squaredSum >= targetSum) {
      reached = true;
      // Keep this last hit only when it lands closer to the target (in dB) than stopping before it.
      if (before > 0 && Math.log(targetSum / before) < Math.log(squaredSum / targetSum)) break;
    }
    pixels[position] = value;
  }
  if (!byFraction && !reached) {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', `Salt-and-pepper noise cannot bring this image down to PSNR ${options.psnrDb} dB.`, { psnrDb: options.psnrDb! });
  }
  let pixelsChanged = 0;
  for (let i = 0; i < count; i++) if (pixels[i] !== source[i]) pixelsChanged++;
  return {
    noise: 'saltpepper',
    seed: options.seed,
    pixels,
    psnrDbRange: psnrDbRange(source, pixels),
    mse: meanSquaredError(source, pixels),
    pixelsChanged,
    pixelsHit: hits,
  };
}

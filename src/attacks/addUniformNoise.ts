/**
 * Zero-mean uniform noise on [−a, a] over the whole image at a target PSNR (a²/3 = MSE before
 * rounding and clipping, then calibrated on the integers), seeded (the paper's Table 6 attack).
 */
import type { PixelImage } from '../image/index.ts';
import type { AttackResult } from './AttackResult.ts';
import type { AdditiveNoiseOptions } from './addGaussianNoise.ts';
import { addCalibratedNoise } from './addCalibratedNoise.ts';
import { createSeededRandom } from './createSeededRandom.ts';

/** Uniform on [−√3, √3]: unit variance, so the calibrated scale is the noise's standard deviation. */
function unitUniformField(count: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const field = new Float64Array(count);
  const halfWidth = Math.sqrt(3);
  for (let i = 0; i < count; i++) field[i] = (2 * random() - 1) * halfWidth;
  return field;
}

export function addUniformNoise(image: PixelImage, options: AdditiveNoiseOptions): AttackResult {
  const result = addCalibratedNoise(image, unitUniformField(image.pixels.length, options.seed), options.psnrDb, options.clip ?? 'stored');
  return { noise: 'uniform', seed: options.seed, ...result };
}

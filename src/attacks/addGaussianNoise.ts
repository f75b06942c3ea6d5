/**
 * Zero-mean Gaussian noise over the whole image at a target PSNR (the paper's Table 6 attack,
 * MATLAB `imnoise(…, 'gaussian')`), seeded, rounded to integers and clipped (DESIGN §3).
 */
import type { PixelImage } from '../image/index.ts';
import type { AttackResult, ClipRange } from './AttackResult.ts';
import { addCalibratedNoise } from './addCalibratedNoise.ts';
import { createSeededRandom } from './createSeededRandom.ts';

export interface AdditiveNoiseOptions {
  /** Target PSNR in dB, range convention (MAX = max − min of the input). */
  readonly psnrDb: number;
  readonly seed: number;
  /** Default 'stored': the range Bits Stored can hold (what a file can carry). */
  readonly clip?: ClipRange;
}

/** Standard normal draws by the Box–Muller transform. */
function standardNormalField(count: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const field = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    field[i] = radius * Math.cos(angle);
    if (i + 1 < count) field[i + 1] = radius * Math.sin(angle);
  }
  return field;
}

export function addGaussianNoise(image: PixelImage, options: AdditiveNoiseOptions): AttackResult {
  const result = addCalibratedNoise(image, standardNormalField(image.pixels.length, options.seed), options.psnrDb, options.clip ?? 'stored');
  return { noise: 'gaussian', seed: options.seed, ...result };
}

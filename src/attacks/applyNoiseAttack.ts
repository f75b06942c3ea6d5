/** One entry point for the three attacks, selected by name (what the CLI and the evaluation call). */
import type { PixelImage } from '../image/index.ts';
import { MedstegoError } from '../errors/index.ts';
import type { AttackResult, ClipRange, NoiseKind } from './AttackResult.ts';
import { addGaussianNoise } from './addGaussianNoise.ts';
import { addUniformNoise } from './addUniformNoise.ts';
import { addSaltAndPepper } from './addSaltAndPepper.ts';

export interface NoiseAttackOptions {
  readonly noise: NoiseKind;
  readonly seed: number;
  /** Target PSNR (dB, range convention); required for gaussian and uniform. */
  readonly psnrDb?: number;
  /** Fraction of pixels hit; salt-and-pepper only, instead of psnrDb. */
  readonly fraction?: number;
  /** Clip range for additive noise (default 'stored'). */
  readonly clip?: ClipRange;
}

export function applyNoiseAttack(image: PixelImage, options: NoiseAttackOptions): AttackResult {
  const { noise, seed, psnrDb, fraction } = options;
  if (noise === 'saltpepper') {
    if (fraction !== undefined && psnrDb === undefined) return addSaltAndPepper(image, { seed, fraction });
    if (psnrDb !== undefined && fraction === undefined) return addSaltAndPepper(image, { seed, psnrDb });
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', 'Salt-and-pepper noise needs exactly one of a pixel fraction or a target PSNR.');
  }
  if (noise !== 'gaussian' && noise !== 'uniform') {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', `Unknown noise "${String(noise)}"; available: gaussian, uniform, saltpepper.`);
  }
  if (psnrDb === undefined || fraction !== undefined) {
    throw new MedstegoError('ATTACK_PARAMETERS_INVALID', `${noise} noise is set by a target PSNR (a pixel fraction applies to salt-and-pepper only).`);
  }
  const additive = { psnrDb, seed, ...(options.clip ? { clip: options.clip } : {}) };
  return noise === 'gaussian' ? addGaussianNoise(image, additive) : addUniformNoise(image, additive);
}

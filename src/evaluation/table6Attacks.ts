import type { NoiseAttackOptions } from '../attacks/index.ts';

export interface Table6Attack {
  readonly id: string;
  readonly label: string;
  readonly options: Omit<NoiseAttackOptions, 'seed'>;
}

/**
 * The attacks of the paper's Table 6, in its convention (attack PSNR with MAX = the image's range,
 * DESIGN §3), plus what makes them a test: salt-and-pepper at 53 dB touches a handful of pixels, so
 * it is also run on 0.1% of pixels; Gaussian and uniform noise at 59 dB show the weaker-attack side
 * of the robust profile's trade-off.
 */
export const TABLE6_ATTACKS: readonly Table6Attack[] = [
  { id: 'gaussian-53dB', label: 'Gaussian, 53 dB', options: { noise: 'gaussian', psnrDb: 53 } },
  { id: 'uniform-53dB', label: 'uniform, 53 dB', options: { noise: 'uniform', psnrDb: 53 } },
  { id: 'saltpepper-53dB', label: 'salt & pepper, 53 dB', options: { noise: 'saltpepper', psnrDb: 53 } },
  { id: 'saltpepper-0.1%', label: 'salt & pepper, 0.1% of pixels', options: { noise: 'saltpepper', fraction: 0.001 } },
  { id: 'gaussian-59dB', label: 'Gaussian, 59 dB', options: { noise: 'gaussian', psnrDb: 59 } },
  { id: 'uniform-59dB', label: 'uniform, 59 dB', options: { noise: 'uniform', psnrDb: 59 } },
];

/** Seed of every attack; each slice, profile and attack mixes its own names in (deriveSeed). */
export const EVALUATION_ATTACK_SEED = 2024;

export type { AttackResult, ClipRange, NoiseKind } from './AttackResult.ts';
export { addGaussianNoise, type AdditiveNoiseOptions } from './addGaussianNoise.ts';
export { addUniformNoise } from './addUniformNoise.ts';
export { addSaltAndPepper, type SaltAndPepperOptions } from './addSaltAndPepper.ts';
export { applyNoiseAttack, type NoiseAttackOptions } from './applyNoiseAttack.ts';
export { createSeededRandom, deriveSeed, type RandomSource } from './createSeededRandom.ts';
export { mseForRangePsnr } from './mseForRangePsnr.ts';

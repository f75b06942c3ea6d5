export type NoiseKind = 'gaussian' | 'uniform' | 'saltpepper';

/** Where additive noise is clipped: the range Bits Stored can hold, or the cover's own [min, max]. */
export type ClipRange = 'stored' | 'image';

/** What an attack did: the attacked stored values and how far they are from the input. */
export interface AttackResult {
  readonly noise: NoiseKind;
  /** Attacked stored values, same shape as the input, integers inside the clip range. */
  readonly pixels: Int32Array;
  readonly seed: number;
  /** PSNR with MAX = max − min of the input (the paper's convention, DESIGN §3), on the integers. */
  readonly psnrDbRange: number;
  /** Mean squared change in stored units². */
  readonly mse: number;
  /** Pixels whose value changed. */
  readonly pixelsChanged: number;
  /** Salt-and-pepper only: pixels hit (a hit on a pixel already at that extreme changes nothing). */
  readonly pixelsHit?: number;
  /** Additive noise only: the standard deviation actually used, in stored units. */
  readonly sigma?: number;
}

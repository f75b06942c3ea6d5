/**
 * The integer-pixel PSNR bound (DESIGN §3): hiding α bits per pixel so that they can be read back
 * exactly from integer pixels needs a mean squared change of at least d, where d solves
 * H(d) + d = α (H = binary entropy): a pixel changed with probability d by ±1 (sign free) carries at
 * most H(d) + d bits, and its squared error is 1. No embedding of `payloadBits` into `pixelCount`
 * integer pixels can exceed the PSNR this gives, whatever the domain it works in.
 */
export interface PsnrBound {
  /** Payload bits per pixel of the whole image. */
  readonly bitsPerPixel: number;
  /** Smallest achievable mean squared error. */
  readonly mse: number;
  /** Largest achievable PSNR in dB with the given MAX. */
  readonly psnrDb: number;
}

function binaryEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
}

/** d in [0, 2/3] with H(d) + d = α (increasing on that interval); bisection to machine precision. */
function minimumChangeRate(alpha: number): number {
  let low = 0;
  let high = 2 / 3;
  for (let i = 0; i < 200 && high - low > 1e-15; i++) {
    const middle = (low + high) / 2;
    if (binaryEntropy(middle) + middle < alpha) low = middle;
    else high = middle;
  }
  return high;
}

export function integerPixelPsnrBound(payloadBits: number, pixelCount: number, maxValue: number): PsnrBound {
  if (!(pixelCount > 0) || !(maxValue > 0)) throw new RangeError('integerPixelPsnrBound: pixelCount and maxValue must be positive');
  const bitsPerPixel = payloadBits / pixelCount;
  if (bitsPerPixel > Math.log2(3)) return { bitsPerPixel, mse: NaN, psnrDb: NaN };
  const mse = bitsPerPixel <= 0 ? 0 : minimumChangeRate(bitsPerPixel);
  return { bitsPerPixel, mse, psnrDb: mse === 0 ? Infinity : 10 * Math.log10((maxValue * maxValue) / mse) };
}

/**
 * Otsu's threshold (Otsu 1979, "A threshold selection method from gray-level histograms"): the cut
 * that maximises the between-class variance of a histogram. Use it on a robust intensity range
 * (percentile-clipped `low`/`high`) so a few very bright pixels do not drag the cut upwards.
 *
 * The threshold segmenter does not use it for MR: on the shared head series Otsu's cut falls between
 * dark and bright tissue (half the head on tight crops), far above the air/tissue boundary, which
 * would cut skin and dark tissue at the edge; a noise-floor threshold (thresholdCandidates) is lower
 * and safer. It stays here as a building block (e.g. for refining a network's mask).
 */
import { valueRange } from '../metrics/index.ts';

export interface OtsuOptions {
  /** Histogram range; values outside are clamped into the end bins. Default: min and max of the values. */
  readonly low?: number;
  readonly high?: number;
  /** Number of histogram bins (default 256). */
  readonly bins?: number;
}

/**
 * Returns the threshold t: the "bright" class is values > t. t is the upper edge of the last bin of
 * the dark class. When every value falls in one bin (a flat image), returns the range's high end so
 * that nothing is "bright".
 */
export function otsuThreshold(values: ArrayLike<number>, options: OtsuOptions = {}): number {
  const binCount = options.bins ?? 256;
  if (!Number.isInteger(binCount) || binCount < 2) throw new RangeError(`bins must be an integer >= 2, got ${binCount}`);
  let low = options.low;
  let high = options.high;
  if (low === undefined || high === undefined) {
    const { min, max } = valueRange(values);
    low ??= min;
    high ??= max;
  }
  if (!(high > low)) return high;

  const width = (high - low) / binCount;
  const histogram = new Float64Array(binCount);
  for (let i = 0; i < values.length; i++) {
    let bin = Math.floor((values[i]! - low) / width);
    if (bin < 0) bin = 0;
    else if (bin >= binCount) bin = binCount - 1;
    histogram[bin]!++;
  }

  let total = 0;
  let totalSum = 0;
  for (let b = 0; b < binCount; b++) {
    total += histogram[b]!;
    totalSum += b * histogram[b]!;
  }
  let weightDark = 0;
  let sumDark = 0;
  let bestVariance = -1;
  let bestBin = binCount - 1;
  for (let b = 0; b < binCount - 1; b++) {
    weightDark += histogram[b]!;
    sumDark += b * histogram[b]!;
    const weightBright = total - weightDark;
    if (weightDark === 0 || weightBright === 0) continue;
    const meanDark = sumDark / weightDark;
    const meanBright = (totalSum - sumDark) / weightBright;
    const between = weightDark * weightBright * (meanDark - meanBright) ** 2;
    if (between > bestVariance) {
      bestVariance = between;
      bestBin = b;
    }
  }
  if (bestVariance < 0) return high;
  return low + (bestBin + 1) * width;
}

/**
 * Background (air) level of an MR-like image, for thresholds "a few times the noise floor".
 *
 * Magnitude MR air is Rician/Rayleigh noise whose level varies with the scanner, the coil and the
 * scaling of the series, so it has to be measured per slice. Air is found where it nearly always is:
 * along at least one image edge (a head or body seldom touches all four). The level is the smallest
 * median among the four edge strips. When even that strip is bright (above a fifth of the bright
 * level: a tight crop where every edge holds tissue) the image's 5th percentile is used instead: the
 * darkest pixels are the best guess left, and a low guess only makes the mask larger, which is the
 * safe direction.
 */
import { valueRange } from '../metrics/index.ts';

export interface BackgroundLevel {
  /** Typical background value (median of the darkest edge strip, or the 5th percentile on a tight crop). */
  readonly level: number;
  /** Robust bright level: 99.5th percentile of the whole image. */
  readonly brightLevel: number;
  /** True when the level was measured on an edge strip (air); false on the tight-crop fallback. */
  readonly fromEdge: boolean;
}

function median(values: Int32Array): number {
  const sorted = Int32Array.from(values).sort();
  return sorted.length === 0 ? 0 : sorted[sorted.length >> 1]!;
}

/**
 * Percentiles (nearest rank) of integer pixel values. A counting histogram over the value range when
 * it is small enough (always for 16-bit data), which is several times faster than sorting a slice.
 */
function percentiles(pixels: Int32Array, fractions: number[]): number[] {
  const { min, max } = valueRange(pixels);
  const ranks = fractions.map((f) => Math.floor((pixels.length - 1) * f));
  if (pixels.length === 0) return fractions.map(() => 0);
  if (max - min > 1 << 20) {
    const sorted = Int32Array.from(pixels).sort();
    return ranks.map((r) => sorted[r]!);
  }
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < pixels.length; i++) counts[pixels[i]! - min]!++;
  return ranks.map((rank) => {
    let seen = 0;
    for (let v = 0; v < counts.length; v++) {
      seen += counts[v]!;
      if (seen > rank) return v + min;
    }
    return max;
  });
}

export function estimateBackgroundLevel(pixels: Int32Array, rows: number, cols: number): BackgroundLevel {
  const strip = Math.max(2, Math.round(Math.min(rows, cols) * 0.03));
  const top = new Int32Array(strip * cols);
  const bottom = new Int32Array(strip * cols);
  const left = new Int32Array(strip * rows);
  const right = new Int32Array(strip * rows);
  for (let y = 0; y < strip; y++) {
    top.set(pixels.subarray(y * cols, (y + 1) * cols), y * cols);
    bottom.set(pixels.subarray((rows - 1 - y) * cols, (rows - y) * cols), y * cols);
  }
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < strip; x++) {
      left[y * strip + x] = pixels[y * cols + x]!;
      right[y * strip + x] = pixels[y * cols + cols - 1 - x]!;
    }
  }
  const [p5, p995] = percentiles(pixels, [0.05, 0.995]);
  const edge = Math.min(median(top), median(bottom), median(left), median(right));
  const fromEdge = edge <= 0.2 * p995;
  return { level: fromEdge ? edge : Math.min(edge, p5), brightLevel: p995, fromEdge };
}

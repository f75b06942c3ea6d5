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

export interface BackgroundLevel {
  /** Typical background value (median of the darkest edge strip, or the 5th percentile on a tight crop). */
  readonly level: number;
  /** Robust bright level: 99.5th percentile of the whole image. */
  readonly brightLevel: number;
}

function median(values: Int32Array): number {
  const sorted = Int32Array.from(values).sort();
  return sorted.length === 0 ? 0 : sorted[sorted.length >> 1]!;
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
  const sorted = Int32Array.from(pixels).sort();
  const p5 = sorted[Math.floor((sorted.length - 1) * 0.05)]!;
  const p995 = sorted[Math.floor((sorted.length - 1) * 0.995)]!;
  const edge = Math.min(median(top), median(bottom), median(left), median(right));
  const level = edge > 0.2 * p995 ? Math.min(edge, p5) : edge;
  return { level, brightLevel: p995 };
}

import type { PixelImage } from '../../src/image/PixelImage.ts';
import { storedRange } from '../../src/image/PixelImage.ts';
import { seededRandom } from './seededRandom.ts';

/**
 * A 12-bit "phantom": a bright disc (the body) on noisy air. Used only to unit-test embedding
 * arithmetic in isolation; every end-to-end test runs on real DICOM slices.
 */
export function makePhantom(options: { rows?: number; cols?: number; airLevel?: number; noise?: number; seed?: number; paddingValue?: number } = {}): { image: PixelImage; mask: Uint8Array } {
  const rows = options.rows ?? 128;
  const cols = options.cols ?? 128;
  const random = seededRandom(options.seed ?? 1);
  const pixels = new Int32Array(rows * cols);
  const mask = new Uint8Array(rows * cols);
  const radius = Math.min(rows, cols) * 0.3;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const inside = Math.hypot(r - rows / 2, c - cols / 2) < radius;
      const i = r * cols + c;
      mask[i] = inside ? 1 : 0;
      pixels[i] = inside ? 1000 + Math.round(random() * 400) : Math.max(0, Math.round((options.airLevel ?? 24) + (random() - 0.5) * 2 * (options.noise ?? 10)));
    }
  }
  return {
    image: { rows, cols, pixels, bitsStored: 12, pixelRepresentation: 0, ...storedRange(12, 0), rescaleSlope: 1, rescaleIntercept: -1024, modality: 'CT', photometricInterpretation: 'MONOCHROME2', ...(options.paddingValue !== undefined ? { pixelPaddingValue: options.paddingValue } : {}) },
    mask,
  };
}

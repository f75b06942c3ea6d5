import type { PixelImage } from '../image/PixelImage.ts';
import type { Segmenter } from './Segmenter.ts';
export function createThresholdSegmenter(): Segmenter {
  return { name: 'threshold', async segment(image: PixelImage) { return new Uint8Array(image.rows * image.cols); } };
}

import type { PixelImage } from '../image/PixelImage.ts';
import { isPaddingValue } from '../image/PixelImage.ts';
import type { BodyMask } from '../segmentation/Segmenter.ts';
import { BLOCK_SIZE } from '../dct/index.ts';

/**
 * The 4×4 blocks (grid anchored at the top-left pixel) that may carry data: every one of their
 * 16 pixels is insignificant in the mask and none is Pixel Padding. Only these blocks are ever
 * modified, which is what keeps the body region bit-for-bit identical to the cover.
 *
 * Returns the row-major pixel index of each block's top-left pixel, in raster order of blocks.
 */
export function listUsableBlocks(image: PixelImage, mask: BodyMask): Int32Array {
  const { rows, cols, pixels } = image;
  if (mask.length !== rows * cols) throw new RangeError(`mask length ${mask.length} does not match image ${rows}×${cols}`);
  const blockRows = Math.floor(rows / BLOCK_SIZE);
  const blockCols = Math.floor(cols / BLOCK_SIZE);
  const hasPadding = image.pixelPaddingValue !== undefined;
  const result = new Int32Array(blockRows * blockCols);
  let count = 0;
  for (let blockRow = 0; blockRow < blockRows; blockRow++) {
    for (let blockCol = 0; blockCol < blockCols; blockCol++) {
      const origin = blockRow * BLOCK_SIZE * cols + blockCol * BLOCK_SIZE;
      if (isBlockUsable(origin, cols, mask, hasPadding ? image : undefined, pixels)) result[count++] = origin;
    }
  }
  return result.slice(0, count);
}

function isBlockUsable(origin: number, cols: number, mask: BodyMask, paddingImage: PixelImage | undefined, pixels: Int32Array): boolean {
  for (let r = 0; r < BLOCK_SIZE; r++) {
    const rowStart = origin + r * cols;
    for (let c = 0; c < BLOCK_SIZE; c++) {
      if (mask[rowStart + c] !== 0) return false;
      if (paddingImage && isPaddingValue(paddingImage, pixels[rowStart + c]!)) return false;
    }
  }
  return true;
}

/** Copy a block's stored values into `out` (length 16). */
export function readBlock(pixels: Int32Array, cols: number, origin: number, out: Float64Array): Float64Array {
  for (let r = 0; r < BLOCK_SIZE; r++) {
    const rowStart = origin + r * cols;
    for (let c = 0; c < BLOCK_SIZE; c++) out[r * BLOCK_SIZE + c] = pixels[rowStart + c]!;
  }
  return out;
}

/** Write 16 integer values back into the pixel array at a block. */
export function writeBlock(pixels: Int32Array, cols: number, origin: number, values: ArrayLike<number>): void {
  for (let r = 0; r < BLOCK_SIZE; r++) {
    const rowStart = origin + r * cols;
    for (let c = 0; c < BLOCK_SIZE; c++) pixels[rowStart + c] = values[r * BLOCK_SIZE + c]!;
  }
}

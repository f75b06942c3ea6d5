import type { PixelImage } from '../image/PixelImage.ts';
import type { BodyMask } from '../segmentation/Segmenter.ts';
import { BLOCK_LENGTH, forwardDct4x4 } from '../dct/index.ts';
import { createPaperQuantizer, listUsableBlocks, qrBlockCount, type PaperParameters } from '../stego/index.ts';
import { readBlock } from '../stego/usableBlocks.ts';
import { readCoefficientBit } from '../stego/paper/paperQuantizer.ts';
import { blockBitsToQrModules } from '../stego/paper/qrBlockLayout.ts';

/**
 * The QR modules the `paper` extraction reads from an image, for a QR size known in advance, even
 * when they no longer decode: the paper's Table 6 compares the sent and the retrieved QR images
 * (NCC), which needs the raw modules after an attack, not the decoded text. Same steps as
 * extractPaper (the image's own mask, usable blocks in raster order, Eq. 9 per coefficient).
 * undefined when the mask leaves fewer usable blocks than the QR needs.
 */
export function readPaperQrModules(image: PixelImage, mask: BodyMask, qrSize: number, parameters: PaperParameters): Uint8Array | undefined {
  const blocks = listUsableBlocks(image, mask);
  const needed = qrBlockCount(qrSize);
  if (needed > blocks.length) return undefined;
  const quantizer = createPaperQuantizer(image.maxStored - image.minStored, parameters);
  const bits = new Uint8Array(needed * BLOCK_LENGTH);
  const block = new Float64Array(BLOCK_LENGTH);
  for (let index = 0; index < needed; index++) {
    readBlock(image.pixels, image.cols, blocks[index]!, block);
    for (let i = 0; i < BLOCK_LENGTH; i++) block[i] = block[i]! - image.minStored;
    forwardDct4x4(block, block);
    for (let i = 0; i < BLOCK_LENGTH; i++) bits[index * BLOCK_LENGTH + i] = readCoefficientBit(block[i]!, quantizer);
  }
  return blockBitsToQrModules(bits, qrSize);
}

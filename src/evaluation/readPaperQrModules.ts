import type { PixelImage } from '../image/PixelImage.ts';
import type { BodyMask } from '../segmentation/Segmenter.ts';
import { blockBitsToQrModules, createPaperQuantizer, listUsableBlocks, qrBlockCount, readPaperBlockBits, type PaperParameters } from '../stego/index.ts';

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
  return blockBitsToQrModules(readPaperBlockBits(image, blocks, needed, quantizer), qrSize);
}

import type { PixelImage } from '../../image/PixelImage.ts';
import { isPaddingValue } from '../../image/PixelImage.ts';
import type { BodyMask } from '../../segmentation/Segmenter.ts';
import { BLOCK_LENGTH, forwardDct4x4, inverseDct4x4 } from '../../dct/index.ts';
import { encodeQrModules, decodeQrModules, type QrModules } from '../../qr/index.ts';
import { MedstegoError, isMedstegoError } from '../../errors/index.ts';
import { listUsableBlocks, readBlock, writeBlock } from '../usableBlocks.ts';
import {
  createPaperQuantizer,
  quantizeCoefficient,
  quantizeCoefficientNearest,
  readCoefficientBit,
  DEFAULT_PAPER_PARAMETERS,
  type PaperParameters,
  type PaperQuantizer,
} from './paperQuantizer.ts';
import {
  qrModulesToBlockBits,
  blockBitsToQrModules,
  qrBlockCount,
  QR_SIZES,
  finderPatternAgreement,
} from './qrBlockLayout.ts';

/**
 * The `paper` profile: Saidi et al. (2024) as published, for reproduction. The payload text
 * becomes a QR code (level H); its modules are cut into 4×4 blocks (BQr) and the k-th QR block is
 * hidden in the k-th usable 4×4 block of the insignificant region in raster order, one bit per
 * DCT coefficient (paperQuantizer.ts documents Eq. 7/9). No key, no error correction beyond the
 * QR's own: those weaknesses are kept on purpose and fixed by the other profiles.
 */

export interface PaperEmbedInput {
  readonly image: PixelImage;
  readonly mask: BodyMask;
  readonly payloadText: string;
  readonly parameters?: Partial<PaperParameters>;
}

export interface PaperEmbedResult {
  readonly stegoPixels: Int32Array;
  /** Bits the usable blocks could carry (16 per block). */
  readonly capacityBits: number;
  /** QR modules hidden (size²): the payload in the paper's sense. */
  readonly payloadBits: number;
  /** Bits actually written, including the light padding of the last block row/column. */
  readonly embeddedBits: number;
  readonly usableBlocks: number;
  readonly blocksUsed: number;
  readonly qr: QrModules;
  readonly parameters: PaperParameters;
}

export interface PaperExtractResult {
  readonly payloadText: string;
  readonly qrModules: Uint8Array;
  readonly qrSize: number;
}

/** Finder patterns must agree this well before a candidate QR size is handed to the decoder. */
const FINDER_AGREEMENT_THRESHOLD = 0.85;

function resolveParameters(parameters?: Partial<PaperParameters>): PaperParameters {
  return { ...DEFAULT_PAPER_PARAMETERS, ...parameters };
}

function quantizerFor(image: PixelImage, parameters: PaperParameters): PaperQuantizer {
  return createPaperQuantizer(image.maxStored - image.minStored, parameters);
}

/** Capacity of an image/mask pair for the paper profile, in bits (16 per usable block). */
export function paperCapacityBits(image: PixelImage, mask: BodyMask): number {
  return listUsableBlocks(image, mask).length * BLOCK_LENGTH;
}

export function embedPaper(input: PaperEmbedInput): PaperEmbedResult {
  const { image, mask, payloadText } = input;
  const parameters = resolveParameters(input.parameters);
  const quantizer = quantizerFor(image, parameters);
  const blocks = listUsableBlocks(image, mask);
  if (blocks.length === 0) {
    throw new MedstegoError('NO_BACKGROUND', 'The image has no 4×4 block entirely outside the body: nothing can be hidden.', { rows: image.rows, cols: image.cols });
  }
  const qr = encodeQrModules(payloadText, { errorCorrectionLevel: 'H' });
  const needed = qrBlockCount(qr.size);
  if (needed > blocks.length) {
    throw new MedstegoError(
      'PAYLOAD_CAPACITY_EXCEEDED',
      `The QR code (${qr.size}×${qr.size} modules, ${needed} blocks) does not fit: the insignificant region holds ${blocks.length} blocks (${blocks.length * BLOCK_LENGTH} bits).`,
      { neededBlocks: needed, usableBlocks: blocks.length, capacityBits: blocks.length * BLOCK_LENGTH },
    );
  }
  const bits = qrModulesToBlockBits(qr.modules, qr.size);
  const stegoPixels = Int32Array.from(image.pixels);
  const block = new Float64Array(BLOCK_LENGTH);
  const coverCoefficients = new Float64Array(BLOCK_LENGTH);
  const spatial = new Float64Array(BLOCK_LENGTH);
  const rounded = new Int32Array(BLOCK_LENGTH);
  const alternative = new Int32Array(BLOCK_LENGTH);
  for (let index = 0; index < needed; index++) {
    const origin = blocks[index]!;
    readBlock(image.pixels, image.cols, origin, block);
    for (let i = 0; i < BLOCK_LENGTH; i++) block[i] = block[i]! - image.minStored;
    forwardDct4x4(block, block);
    coverCoefficients.set(block);
    for (let i = 0; i < BLOCK_LENGTH; i++) block[i] = quantizeCoefficient(block[i]!, bits[index * BLOCK_LENGTH + i]!, quantizer);
    inverseDct4x4(block, spatial);
    const paperShift = placeBlockInRange(spatial, rounded, image, quantizer.intervalWidth);
    if (paperShift !== 0) {
      // The paper's "keep the cover's interval k" pushed this block out of the stored range: air
      // stored near the floor, or wide intervals at small β. Any interval of the right bit decodes
      // the same, so also try the nearest one for each AC coefficient (the least-distortion choice),
      // and keep whichever placement changes the block less.
      const paperFits = paperShift !== undefined;
      const paperError = paperFits ? squaredDifference(rounded, image.pixels, image.cols, origin) : Infinity;
      alternative.set(rounded);
      for (let i = 1; i < BLOCK_LENGTH; i++) block[i] = quantizeCoefficientNearest(coverCoefficients[i]!, bits[index * BLOCK_LENGTH + i]!, quantizer);
      inverseDct4x4(block, spatial);
      const nearestFits = placeBlockInRange(spatial, rounded, image, quantizer.intervalWidth) !== undefined;
      const nearestError = nearestFits ? squaredDifference(rounded, image.pixels, image.cols, origin) : Infinity;
      if (!paperFits && !nearestFits) {
        throw new MedstegoError('EMBED_PARAMETERS_INVALID', `A block cannot hold its bits inside the stored range at beta ${parameters.beta}; use a larger beta.`, { beta: parameters.beta });
      }
      if (paperError <= nearestError) rounded.set(alternative);
    }
    writeBlock(stegoPixels, image.cols, origin, rounded);
  }
  return {
    stegoPixels,
    capacityBits: blocks.length * BLOCK_LENGTH,
    payloadBits: qr.size * qr.size,
    embeddedBits: needed * BLOCK_LENGTH,
    usableBlocks: blocks.length,
    blocksUsed: needed,
    qr,
    parameters,
  };
}

/**
 * Round the spatial block to integers inside the stored range, avoiding padding values. Returns the
 * number of whole-interval DC steps used (0 = as computed), or undefined when no placement works.
 *
 * Shifting the DC coefficient by a whole interval w keeps every hidden bit (only the interval
 * index k changes) and adds w/4 to each pixel; we use that freedom to lift blocks of air stored
 * near the floor (or lower blocks near the ceiling) out of clipping, which would otherwise break
 * the rounding guarantee. Shifts are tried smallest first.
 */
function placeBlockInRange(block: Float64Array, rounded: Int32Array, image: PixelImage, intervalWidth: number): number | undefined {
  const pixelShift = intervalWidth / 4;
  for (let attempt = 0; attempt <= 64; attempt++) {
    const steps = attempt === 0 ? 0 : attempt % 2 === 1 ? (attempt + 1) / 2 : -attempt / 2;
    let fits = true;
    for (let i = 0; i < BLOCK_LENGTH; i++) {
      const value = Math.round(block[i]! + steps * pixelShift) + image.minStored;
      if (value < image.minStored || value > image.maxStored || isPaddingValue(image, value)) {
        fits = false;
        break;
      }
      rounded[i] = value;
    }
    if (fits) return steps;
  }
  return undefined;
}

/** Σ (block − cover)² over the 4×4 block at `origin`. */
function squaredDifference(block: Int32Array, cover: Int32Array, cols: number, origin: number): number {
  let sum = 0;
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      const difference = block[r * 4 + c]! - cover[origin + r * cols + c]!;
      sum += difference * difference;
    }
  }
  return sum;
}

/**
 * Bits of the first `blockCount` usable blocks, 16 per block (Eq. 9 on each DCT coefficient): the
 * raw read of extractPaper, also used by the evaluation to compare QR modules that no longer decode.
 */
export function readPaperBlockBits(image: PixelImage, blocks: Int32Array, blockCount: number, quantizer: PaperQuantizer): Uint8Array {
  const bits = new Uint8Array(blockCount * BLOCK_LENGTH);
  const block = new Float64Array(BLOCK_LENGTH);
  for (let index = 0; index < blockCount; index++) {
    readBlock(image.pixels, image.cols, blocks[index]!, block);
    for (let i = 0; i < BLOCK_LENGTH; i++) block[i] = block[i]! - image.minStored;
    forwardDct4x4(block, block);
    for (let i = 0; i < BLOCK_LENGTH; i++) bits[index * BLOCK_LENGTH + i] = readCoefficientBit(block[i]!, quantizer);
  }
  return bits;
}

/**
 * Extraction (Algorithm 2): same usable blocks from the stego image's own mask, Eq. (9) on each
 * coefficient, QR reassembled. The paper does not say how the decoder learns the QR size; we try
 * every QR version whose blocks fit, smallest first, and hand a candidate to the QR decoder only
 * when its finder patterns are where they should be.
 */
export function extractPaper(image: PixelImage, mask: BodyMask, parameters?: Partial<PaperParameters>): PaperExtractResult {
  const quantizer = quantizerFor(image, resolveParameters(parameters));
  const blocks = listUsableBlocks(image, mask);
  const candidates = QR_SIZES.filter((size) => qrBlockCount(size) <= blocks.length);
  if (candidates.length === 0) {
    throw new MedstegoError('EXTRACT_NO_PAYLOAD', 'The insignificant region is too small to hold even the smallest QR code.', { usableBlocks: blocks.length });
  }
  const bits = readPaperBlockBits(image, blocks, qrBlockCount(candidates[candidates.length - 1]!), quantizer);
  let lastDecodeError: MedstegoError | undefined;
  for (const size of candidates) {
    const modules = blockBitsToQrModules(bits, size);
    if (finderPatternAgreement(modules, size) < FINDER_AGREEMENT_THRESHOLD) continue;
    try {
      return { payloadText: decodeQrModules(modules, size), qrModules: modules, qrSize: size };
    } catch (error) {
      if (!isMedstegoError(error, 'QR_DECODE_FAILED')) throw error;
      lastDecodeError = error;
    }
  }
  if (lastDecodeError) throw lastDecodeError;
  throw new MedstegoError('EXTRACT_NO_PAYLOAD', 'No QR code was found in the insignificant region (no finder patterns at any QR size).', { usableBlocks: blocks.length });
}

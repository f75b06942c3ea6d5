/**
 * The blocks a side of the `robust` channel works on, with their DCT coefficients, read in one pass:
 * blocks outside its own mask and a one-block guard band around the body, with no Pixel Padding,
 * and *quiet*: mean AC energy per coefficient ≤ a fixed multiple of the reference noise power
 * σ² = (range / 10^(53/20))² (the paper's 53 dB attack in the range convention).
 *
 * Why quiet. The encoder and decoder masks differ (the decoder's is computed on the attacked stego,
 * or hand-edited), and a block that one side counts and the other does not adds its whole host
 * value to the projections of the 15 coded bits it feeds, unquantised. Air blocks carry a few σ²
 * per coefficient; blocks at the body edge, on the table or inside the body carry up to 10⁴ σ², and
 * one of them disputed wrecks 15 coded bits. With the same energy cap on both sides (the decoder's
 * a little higher, for the embedding and the attack it measures on top of the host), a disputed
 * block costs each of its bits at most ~a cap's worth of extra noise, however far the masks differ,
 * so a 10% mask difference is a modest loss of margin (test/stego/robust). The cap depends only on
 * the range, which embedding and noise barely move.
 *
 * Impulses: one pixel set to the image's maximum (salt-and-pepper) moves each of its block's
 * coefficients by up to ~range/4. The decoder replaces up to two such outliers per block (pixels
 * more than a quarter of the range from the block median *and* at one of the image's extremes, as
 * salt and pepper are) by the block median before measuring the block.
 */
import type { PixelImage } from '../../image/PixelImage.ts';
import { isPaddingValue } from '../../image/PixelImage.ts';
import type { BodyMask } from '../../segmentation/Segmenter.ts';
import { BLOCK_LENGTH, forwardDct4x4 } from '../../dct/index.ts';
import { valueRange } from '../../metrics/valueRange.ts';

export interface CarrierBlocks {
  /** Row-major pixel index of each block's top-left pixel. */
  readonly origins: Int32Array;
  /** Block position index (blockRow · blockCols + blockCol), the layout's key. */
  readonly positions: Int32Array;
  /** 16 DCT coefficients per block (DC first). */
  readonly coefficients: Float64Array;
  /** Pixels replaced as impulse outliers (decoder only). */
  readonly outliersReplaced: number;
}

/** Reference noise power: the paper's 53 dB attack, range convention. */
export function referenceNoisePower(range: number): number {
  return (range * range) / 10 ** 5.3;
}

/** Encoder's cap on mean AC energy per coefficient, in reference noise powers. */
export const QUIET_LIMIT_EMBED = 6;
/** Decoder's cap: the encoder's plus what the embedding (≤ 0.3) and an attack at 53 dB (1) add. */
export const QUIET_LIMIT_EXTRACT = QUIET_LIMIT_EMBED + 2;

/** More outliers than this in one block: structure, not impulse noise. */
const MAX_IMPULSES_PER_BLOCK = 2;

export function readCarrierBlocks(image: PixelImage, mask: BodyMask, role: 'embed' | 'extract'): CarrierBlocks {
  const { rows, cols, pixels } = image;
  const blockRows = rows >> 2;
  const blockCols = cols >> 2;
  const excluded = guardedBlocks(mask, rows, cols, role === 'extract');
  const { min, max } = valueRange(pixels);
  const range = max - min;
  const energyLimit = 15 * (role === 'embed' ? QUIET_LIMIT_EMBED : QUIET_LIMIT_EXTRACT) * referenceNoisePower(range);
  // A pixel deviating from its block median by more than a quarter of the range: structure or an
  // impulse; impulses sit at the image's extremes (within 1/16 of the range).
  const threshold = Math.max(4, range / 4);
  const extremeMargin = range / 16;
  const hasPadding = image.pixelPaddingValue !== undefined;
  const capacity = blockRows * blockCols;
  const origins = new Int32Array(capacity);
  const positions = new Int32Array(capacity);
  const coefficients = new Float64Array(capacity * BLOCK_LENGTH);
  const block = new Float64Array(BLOCK_LENGTH);
  const out = new Float64Array(BLOCK_LENGTH);
  const sorted = new Float64Array(BLOCK_LENGTH);
  let outliersReplaced = 0;
  let count = 0;
  for (let br = 0; br < blockRows; br++) {
    blocks: for (let bc = 0; bc < blockCols; bc++) {
      const position = br * blockCols + bc;
      if (excluded[position]) continue;
      const origin = br * 4 * cols + bc * 4;
      let low = Infinity;
      let high = -Infinity;
      let sum = 0;
      let sumSquares = 0;
      for (let r = 0, i = 0; r < 4; r++) {
        const row = origin + r * cols;
        for (let c = 0; c < 4; c++, i++) {
          const v = pixels[row + c]!;
          if (hasPadding && isPaddingValue(image, v)) continue blocks;
          block[i] = v;
          if (v < low) low = v;
          if (v > high) high = v;
          sum += v;
          sumSquares += v * v;
        }
      }
      // AC energy = Σ (x − mean)² (orthonormal DCT): most loud blocks are dropped before any DCT.
      if (high - low <= threshold && sumSquares - (sum * sum) / BLOCK_LENGTH > energyLimit * 1.000001) continue;
      if (high - low > threshold) {
        // Only the decoder repairs impulses; the encoder never writes a block with an outlier.
        if (role === 'embed') continue;
        const median = medianOf(block, sorted);
        let outliers = 0;
        for (let i = 0; i < BLOCK_LENGTH; i++) {
          const v = block[i]!;
          if (Math.abs(v - median) <= threshold) continue;
          if (v < max - extremeMargin && v > min + extremeMargin) continue blocks;
          outliers++;
        }
        if (outliers > MAX_IMPULSES_PER_BLOCK) continue;
        for (let i = 0; i < BLOCK_LENGTH; i++) if (Math.abs(block[i]! - median) > threshold) block[i] = median;
        outliersReplaced += outliers;
      }
      forwardDct4x4(block, out);
      let energy = 0;
      for (let j = 1; j < BLOCK_LENGTH; j++) energy += out[j]! * out[j]!;
      if (energy > energyLimit) continue;
      origins[count] = origin;
      positions[count] = position;
      coefficients.set(out, count * BLOCK_LENGTH);
      count++;
    }
  }
  return {
    origins: origins.slice(0, count),
    positions: positions.slice(0, count),
    coefficients: coefficients.slice(0, count * BLOCK_LENGTH),
    outliersReplaced,
  };
}

function medianOf(values: Float64Array, scratch: Float64Array): number {
  scratch.set(values);
  // Insertion sort: 16 values, no allocation.
  for (let i = 1; i < scratch.length; i++) {
    const v = scratch[i]!;
    let j = i - 1;
    while (j >= 0 && scratch[j]! > v) {
      scratch[j + 1] = scratch[j]!;
      j--;
    }
    scratch[j + 1] = v;
  }
  return 0.5 * (scratch[7]! + scratch[8]!);
}

/**
 * Block positions the side must not use (1): any block with a body pixel, grown by one ring of
 * blocks (a guard band). The decoder first drops isolated body specks: a block with fewer than
 * three body blocks among its eight neighbours is read as background. A body is far larger than
 * one block, so such specks are segmentation noise or a hand edit on air, where the encoder may
 * well have written. Only the decoder does this: the encoder never touches a pixel its own mask
 * calls body.
 */
function guardedBlocks(mask: BodyMask, rows: number, cols: number, despeckle: boolean): Uint8Array {
  const blockRows = rows >> 2;
  const blockCols = cols >> 2;
  let body = new Uint8Array(blockRows * blockCols);
  for (let r = 0; r < blockRows * 4; r++) {
    const row = r * cols;
    const blockRow = (r >> 2) * blockCols;
    for (let c = 0; c < blockCols * 4; c++) if (mask[row + c]) body[blockRow + (c >> 2)] = 1;
  }
  const neighbourCount = (map: Uint8Array, br: number, bc: number): number => {
    let n = 0;
    for (let r = Math.max(0, br - 1); r <= Math.min(blockRows - 1, br + 1); r++) {
      for (let c = Math.max(0, bc - 1); c <= Math.min(blockCols - 1, bc + 1); c++) if (r !== br || c !== bc) n += map[r * blockCols + c]!;
    }
    return n;
  };
  if (despeckle) {
    const kept = Uint8Array.from(body);
    for (let br = 0; br < blockRows; br++) {
      for (let bc = 0; bc < blockCols; bc++) if (body[br * blockCols + bc] && neighbourCount(body, br, bc) < 3) kept[br * blockCols + bc] = 0;
    }
    body = kept;
  }
  const guarded = new Uint8Array(blockRows * blockCols);
  for (let br = 0; br < blockRows; br++) {
    for (let bc = 0; bc < blockCols; bc++) guarded[br * blockCols + bc] = body[br * blockCols + bc] || neighbourCount(body, br, bc) > 0 ? 1 : 0;
  }
  return guarded;
}

/** The same blocks read again from other pixels (the encoder's stego, to measure what rounding and clipping left). */
export function rereadCarrierBlocks(pixels: Int32Array, cols: number, carriers: CarrierBlocks): CarrierBlocks {
  const coefficients = new Float64Array(carriers.coefficients.length);
  const block = new Float64Array(BLOCK_LENGTH);
  const out = new Float64Array(BLOCK_LENGTH);
  for (let b = 0; b < carriers.origins.length; b++) {
    const origin = carriers.origins[b]!;
    for (let r = 0; r < 4; r++) {
      const row = origin + r * cols;
      for (let c = 0; c < 4; c++) block[r * 4 + c] = pixels[row + c]!;
    }
    forwardDct4x4(block, out);
    coefficients.set(out, b * BLOCK_LENGTH);
  }
  return { ...carriers, coefficients, outliersReplaced: 0 };
}

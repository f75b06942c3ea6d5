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
  /** Carrier pixels read with a floor lift (decoder only; 0 without one). */
  readonly floorPixels: number;
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

/**
 * `floorLift` (decoder only): read pixels at the stored floor as `minStored − floorLift`. Which
 * blocks are carriers is decided on the pixels as stored; only the coefficients see the lift.
 */
export function readCarrierBlocks(image: PixelImage, mask: BodyMask, role: 'embed' | 'extract', floorLift = 0): CarrierBlocks {
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
  let floorPixels = 0;
  let count = 0;
  for (let br = 0; br < blockRows; br++) {
    for (let bc = 0; bc < blockCols; bc++) {
      const position = br * blockCols + bc;
      if (excluded[position]) continue;
      const origin = br * 4 * cols + bc * 4;
      if (hasPadding && hasPaddingPixel(image, origin)) continue;
      let low = Infinity;
      let high = -Infinity;
      let sum = 0;
      let sumSquares = 0;
      for (let r = 0; r < 4; r++) {
        const row = origin + r * cols;
        const i = r * 4;
        const a = pixels[row]!, b = pixels[row + 1]!, c = pixels[row + 2]!, d = pixels[row + 3]!;
        block[i] = a;
        block[i + 1] = b;
        block[i + 2] = c;
        block[i + 3] = d;
        const lowPair = a < b ? a : b, lowPair2 = c < d ? c : d;
        const highPair = a < b ? b : a, highPair2 = c < d ? d : c;
        if (lowPair < low) low = lowPair;
        if (lowPair2 < low) low = lowPair2;
        if (highPair > high) high = highPair;
        if (highPair2 > high) high = highPair2;
        sum += a + b + c + d;
        sumSquares += a * a + b * b + c * c + d * d;
      }
      // AC energy = Σ (x − mean)² (orthonormal DCT): most loud blocks are dropped before any DCT
      // (with a hair of slack so rounding never drops a block the DCT's energy would keep).
      if (high - low <= threshold && sumSquares - (sum * sum) / BLOCK_LENGTH > energyLimit * 1.000001) continue;
      if (high - low > threshold) {
        // Only the decoder repairs impulses; the encoder never writes a block with an outlier.
        if (role === 'embed') continue;
        const median = medianOf(block, sorted);
        let outliers = 0;
        let structure = false;
        for (let i = 0; i < BLOCK_LENGTH; i++) {
          const v = block[i]!;
          if (Math.abs(v - median) <= threshold) continue;
          outliers++;
          if (v < max - extremeMargin && v > min + extremeMargin) structure = true;
        }
        if (structure || outliers > MAX_IMPULSES_PER_BLOCK) continue;
        for (let i = 0; i < BLOCK_LENGTH; i++) if (Math.abs(block[i]! - median) > threshold) block[i] = median;
        outliersReplaced += outliers;
      }
      forwardDct4x4(block, out);
      let energy = 0;
      for (let j = 1; j < BLOCK_LENGTH; j++) energy += out[j]! * out[j]!;
      if (energy > energyLimit) continue;
      if (floorLift !== 0) {
        const lifted = liftFloor(block, image.minStored, floorLift);
        if (lifted > 0) forwardDct4x4(block, out);
        floorPixels += lifted;
      }
      origins[count] = origin;
      positions[count] = position;
      const base = count * BLOCK_LENGTH;
      for (let j = 0; j < BLOCK_LENGTH; j++) coefficients[base + j] = out[j]!;
      count++;
    }
  }
  return {
    origins: origins.slice(0, count),
    positions: positions.slice(0, count),
    coefficients: coefficients.slice(0, count * BLOCK_LENGTH),
    outliersReplaced,
    floorPixels,
  };
}

/**
 * Why lift the floor. Air stored at the floor (0 on MR) is clipped twice: the embedding can only
 * raise it, and additive noise at the floor reads max(0, x + n). For pixels at the floor that
 * second clip is a gain, not only noise: E[y | x = 1] − E[y | x = 0] ≈ 0.63 at the noise of a 53 dB
 * attack on MR (σ ≈ 1.45 once the attack rescales its clipped noise), so the projections of bits
 * carried mostly by floor blocks shrink towards 0 and land on the wrong lattice point whatever the
 * step. Reading a floor pixel as the floor minus c, with c chosen so that the mean response to a
 * unit change is 1 again (c ≈ 0.93 σ; 0 without noise), restores the scale the lattice needs; the
 * decoder does not know σ and tries a few lifts, the frame's check telling which worked.
 */
function liftFloor(block: Float64Array, floor: number, lift: number): number {
  let lifted = 0;
  for (let i = 0; i < BLOCK_LENGTH; i++) {
    if (block[i] === floor) {
      block[i] = floor - lift;
      lifted++;
    }
  }
  return lifted;
}

function hasPaddingPixel(image: PixelImage, origin: number): boolean {
  for (let r = 0; r < 4; r++) {
    const row = origin + r * image.cols;
    for (let c = 0; c < 4; c++) if (isPaddingValue(image, image.pixels[row + c]!)) return true;
  }
  return false;
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
  if (despeckle) {
    const counts = neighbourCounts(body, blockRows, blockCols);
    const kept = Uint8Array.from(body);
    for (let i = 0; i < kept.length; i++) if (body[i] && counts[i]! - 1 < 3) kept[i] = 0;
    body = kept;
  }
  const counts = neighbourCounts(body, blockRows, blockCols);
  for (let i = 0; i < counts.length; i++) counts[i] = counts[i]! > 0 ? 1 : 0;
  return counts;
}

/** Body blocks in each block's 3×3 neighbourhood, itself included (two separable box sums). */
function neighbourCounts(map: Uint8Array, blockRows: number, blockCols: number): Uint8Array {
  const rowSums = new Uint8Array(map.length);
  for (let r = 0; r < blockRows; r++) {
    const row = r * blockCols;
    for (let c = 0; c < blockCols; c++) {
      rowSums[row + c] = map[row + c]! + (c > 0 ? map[row + c - 1]! : 0) + (c + 1 < blockCols ? map[row + c + 1]! : 0);
    }
  }
  const sums = new Uint8Array(map.length);
  for (let r = 0; r < blockRows; r++) {
    const row = r * blockCols;
    for (let c = 0; c < blockCols; c++) {
      sums[row + c] = rowSums[row + c]! + (r > 0 ? rowSums[row - blockCols + c]! : 0) + (r + 1 < blockRows ? rowSums[row + blockCols + c]! : 0);
    }
  }
  return sums;
}

/**
 * The carrier blocks whose position's keyed draw is below `density` (all of them at 1). The
 * encoder and the decoder select the same positions whatever their masks, so a mask difference
 * still only adds or removes single blocks.
 */
export function selectCarrierBlocks(carriers: CarrierBlocks, blockDraw: Float64Array, density: number): CarrierBlocks {
  if (density >= 1) return carriers;
  const keep: number[] = [];
  for (let b = 0; b < carriers.positions.length; b++) if (blockDraw[carriers.positions[b]!]! < density) keep.push(b);
  const origins = new Int32Array(keep.length);
  const positions = new Int32Array(keep.length);
  const coefficients = new Float64Array(keep.length * BLOCK_LENGTH);
  for (const [i, b] of keep.entries()) {
    origins[i] = carriers.origins[b]!;
    positions[i] = carriers.positions[b]!;
    coefficients.set(carriers.coefficients.subarray(b * BLOCK_LENGTH, (b + 1) * BLOCK_LENGTH), i * BLOCK_LENGTH);
  }
  return { ...carriers, origins, positions, coefficients };
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
  return { ...carriers, coefficients, outliersReplaced: 0, floorPixels: 0 };
}

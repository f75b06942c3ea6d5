/**
 * Where each coded bit of the `robust` profile lives: a keyed assignment of *every* AC coefficient
 * slot of *every* 4×4 block position of the image (15 slots per block), independent of the mask.
 *
 * Why slots of all positions and not the usable ones: the encoder and the decoder compute their
 * masks on different images (cover vs. attacked stego), so their sets of usable blocks differ a
 * little. Assigning by position means a block that one side uses and the other does not only
 * adds or removes one coefficient from each of up to 15 coded bits, a small extra noise, instead
 * of shifting the whole stream. Assigning single coefficients (not whole blocks) to bits spreads
 * each bit over ~15–60 blocks across the image, so that losses are shared thinly and every bit
 * sees about the same number of usable coefficients.
 *
 * Rank order: a keyed permutation (src/crypto) gives each slot a rank. Ranks [0, headerSlots) carry
 * the header's coded bits round-robin; the rest carry the data frame's coded bits round-robin, the
 * last incomplete round unused so that all data bits have the same number of slots (and so the
 * same quantiser step, which the decoder computes from slot counts alone).
 */
import { createKeyedRandom, keyedPermutation } from '../../crypto/index.ts';

export const AC_PER_BLOCK = 15;

/** Stream domains, so that each use of a key gets an independent sequence. */
const DOMAIN_PERMUTATION = 1;
const DOMAIN_SIGNS = 2;
const DOMAIN_HEADER_DITHER = 3;
const DOMAIN_DATA_DITHER = 4;
const DOMAIN_BLOCK_SELECTION = 5;

/**
 * Carrier densities (share of block positions used) the header can name, by index. Fewer carrier
 * blocks carry the same energy with larger per-pixel changes, which integer rounding keeps far
 * better when the budget is a fraction of a grey level per pixel (robustProfile.ts, `chooseDensity`).
 */
export const CARRIER_DENSITIES: readonly number[] = [1, 1 / 2, 1 / 4, 1 / 8];

export interface RobustLayout {
  readonly blockRows: number;
  readonly blockCols: number;
  /** rank[block * 15 + (coefficient − 1)]: position of the slot in the keyed order. */
  readonly rank: Int32Array;
  /** Spreading sign ±1 of each slot. */
  readonly sign: Int8Array;
  readonly headerSlots: number;
  readonly headerCodedBits: number;
  /** Dither of each header coded bit, as a fraction of its step, in [0, 1). */
  readonly headerDither: Float64Array;
  /** Total slots (all positions) per header coded bit, for the step. */
  readonly headerSlotsPerBit: number;
  /**
   * A keyed uniform draw in [0, 1) per block position: at carrier density f only the positions
   * with draw < f carry anything (mask-independent, like the rest of the layout).
   */
  readonly blockDraw: Float64Array;
}

const layoutCache = new Map<string, RobustLayout>();

function cacheKey(rows: number, cols: number, headerCodedBits: number, headerSlotsPerBit: number, layoutKey: Uint8Array, ditherKey: Uint8Array): string {
  return `${rows}x${cols}:${headerCodedBits}:${headerSlotsPerBit}:${Array.from(layoutKey).join(',')}:${Array.from(ditherKey).join(',')}`;
}

/**
 * The keyed layout for an image size. The last one is cached because a series is embedded or
 * extracted slice after slice with the same key and size (the permutation is ~250k draws).
 */
export function createRobustLayout(
  rows: number,
  cols: number,
  keys: { readonly layoutKey: Uint8Array; readonly ditherKey: Uint8Array },
  headerCodedBits: number,
  headerSlotsPerBit: number,
): RobustLayout {
  const id = cacheKey(rows, cols, headerCodedBits, headerSlotsPerBit, keys.layoutKey, keys.ditherKey);
  const cached = layoutCache.get(id);
  if (cached) return cached;
  const blockRows = Math.floor(rows / 4);
  const blockCols = Math.floor(cols / 4);
  const slots = blockRows * blockCols * AC_PER_BLOCK;
  const rank = keyedPermutation(slots, keys.layoutKey, DOMAIN_PERMUTATION);
  const sign = new Int8Array(slots);
  const signs = createKeyedRandom(keys.ditherKey, DOMAIN_SIGNS);
  for (let i = 0; i < slots; i += 32) {
    const word = signs.nextUint32();
    for (let b = 0; b < 32 && i + b < slots; b++) sign[i + b] = (word >>> b) & 1 ? 1 : -1;
  }
  // The header takes a fixed number of slots per coded bit (not a fraction of the image) so that
  // it is as robust on a small MR slice as on a CT slice; at most a quarter of the slots.
  const headerSlots = Math.min(headerCodedBits * headerSlotsPerBit, Math.floor(slots / 4));
  const headerDither = ditherFractions(keys.ditherKey, DOMAIN_HEADER_DITHER, headerCodedBits);
  const blockDraw = ditherFractions(keys.layoutKey, DOMAIN_BLOCK_SELECTION, blockRows * blockCols);
  const layout: RobustLayout = {
    blockRows,
    blockCols,
    rank,
    sign,
    headerSlots,
    headerCodedBits,
    headerDither,
    headerSlotsPerBit: headerSlots / headerCodedBits,
    blockDraw,
  };
  layoutCache.clear();
  layoutCache.set(id, layout);
  return layout;
}

/** Data slots per coded bit when the frame has `codedBits` coded bits (0 when it cannot fit once). */
export function dataSlotsPerBit(layout: RobustLayout, codedBits: number): number {
  const slots = layout.rank.length - layout.headerSlots;
  return codedBits > 0 ? Math.floor(slots / codedBits) : 0;
}

export function dataDither(keys: { readonly ditherKey: Uint8Array }, codedBits: number): Float64Array {
  return ditherFractions(keys.ditherKey, DOMAIN_DATA_DITHER, codedBits);
}

function ditherFractions(key: Uint8Array, domain: number, count: number): Float64Array {
  const random = createKeyedRandom(key, domain);
  const dither = new Float64Array(count);
  for (let i = 0; i < count; i++) dither[i] = random.nextUint32() / 4294967296;
  return dither;
}

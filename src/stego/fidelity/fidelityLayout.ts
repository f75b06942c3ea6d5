import type { PixelImage } from '../../image/PixelImage.ts';
import { isPaddingValue } from '../../image/PixelImage.ts';
import type { BodyMask } from '../../segmentation/Segmenter.ts';
import { keyedPermutation } from '../../crypto/index.ts';
import { BLOCK_SIZE } from '../../dct/index.ts';

/**
 * Where the fidelity profile's bits live. The 4×4 block grid is split, independently of any mask:
 * - the header region: the first ⌈B/8⌉ blocks of a permutation with a public seed, so that the
 *   header (version, parameters, lengths) can be found with the stego file alone, and `inspect` can
 *   tell without the key that a medstego payload is present;
 * - the body region: every other block, in a keyed permutation (layout sub-key).
 * A group is a run of consecutive blocks of that order, so a group's blocks are scattered over the
 * whole image and every group sees about the same share of insignificant pixels.
 */
const HEADER_LAYOUT_SEED = new TextEncoder().encode('medstego/fidelity/header-layout/v1');
export const HEADER_REGION_DIVISOR = 8;

export interface BlockRegions {
  readonly blockCols: number;
  readonly blockCount: number;
  /** Block indices (row-major in the block grid) of the header region, in public order. */
  readonly header: Int32Array;
  /** Block indices of the body region, in keyed order (empty when no layout key is given). */
  readonly body: Int32Array;
  /** Pixel indices of those blocks in group order (blockPixelOrder). */
  readonly headerOrder: Int32Array;
  readonly bodyOrder: Int32Array;
}

/**
 * Layouts depend only on the size and the key: a batch of one series reuses them. Cached per key
 * object (the caller derives its keys once), never under a copy of the key bytes.
 */
const keylessCache = new Map<string, BlockRegions>();
const keyedCache = new WeakMap<Uint8Array, Map<string, BlockRegions>>();

export function splitBlockRegions(rows: number, cols: number, layoutKey?: Uint8Array): BlockRegions {
  const size = `${rows}x${cols}`;
  let cache = keylessCache;
  if (layoutKey) {
    cache = keyedCache.get(layoutKey) ?? new Map();
    keyedCache.set(layoutKey, cache);
  }
  let regions = cache.get(size);
  if (!regions) {
    if (cache.size >= 4) cache.clear();
    cache.set(size, (regions = computeBlockRegions(rows, cols, layoutKey)));
  }
  return regions;
}

function computeBlockRegions(rows: number, cols: number, layoutKey?: Uint8Array): BlockRegions {
  const blockRows = Math.floor(rows / BLOCK_SIZE);
  const blockCols = Math.floor(cols / BLOCK_SIZE);
  const blockCount = blockRows * blockCols;
  const publicOrder = keyedPermutation(blockCount, HEADER_LAYOUT_SEED);
  const headerCount = Math.ceil(blockCount / HEADER_REGION_DIVISOR);
  const header = publicOrder.slice(0, headerCount);
  const headerOrder = blockPixelOrder(header, blockCols, cols);
  if (!layoutKey) return { blockCols, blockCount, header, body: new Int32Array(0), headerOrder, bodyOrder: new Int32Array(0) };
  const inHeader = new Uint8Array(blockCount);
  for (const block of header) inHeader[block] = 1;
  const rest = new Int32Array(blockCount - headerCount);
  let count = 0;
  for (let block = 0; block < blockCount; block++) if (!inHeader[block]) rest[count++] = block;
  const order = keyedPermutation(rest.length, layoutKey);
  const body = new Int32Array(rest.length);
  for (let i = 0; i < rest.length; i++) body[i] = rest[order[i]!]!;
  return { blockCols, blockCount, header, body, headerOrder, bodyOrder: blockPixelOrder(body, blockCols, cols) };
}

/** Row-major pixel indices of the blocks, 16 per block (block raster order inside each block). */
export function blockPixelOrder(blocks: Int32Array, blockCols: number, cols: number): Int32Array {
  const order = new Int32Array(blocks.length * BLOCK_SIZE * BLOCK_SIZE);
  let k = 0;
  for (const block of blocks) {
    const origin = Math.floor(block / blockCols) * BLOCK_SIZE * cols + (block % blockCols) * BLOCK_SIZE;
    for (let r = 0; r < BLOCK_SIZE; r++) for (let c = 0; c < BLOCK_SIZE; c++) order[k++] = origin + r * cols + c;
  }
  return order;
}

/** Group g = blocks [⌊g·n/G⌋, ⌊(g+1)·n/G⌋) of the region, as ordered-pixel offsets (G + 1 entries). */
export function groupStarts(blockCount: number, groupCount: number): Int32Array {
  const starts = new Int32Array(groupCount + 1);
  for (let g = 0; g <= groupCount; g++) starts[g] = Math.floor((g * blockCount) / groupCount) * BLOCK_SIZE * BLOCK_SIZE;
  return starts;
}

/**
 * 1 per block that lies wholly in the insignificant region (mask 0) with no Pixel Padding: the only
 * blocks the writer may change, as for the paper profile (listUsableBlocks).
 */
export function usableBlockFlags(image: PixelImage, mask: BodyMask, blockCols: number, blockCount: number): Uint8Array {
  const flags = new Uint8Array(blockCount);
  const { cols, pixels } = image;
  const hasPadding = image.pixelPaddingValue !== undefined;
  for (let block = 0; block < blockCount; block++) {
    const origin = Math.floor(block / blockCols) * BLOCK_SIZE * cols + (block % blockCols) * BLOCK_SIZE;
    let usable = 1;
    for (let r = 0; r < BLOCK_SIZE && usable; r++) {
      for (let c = 0; c < BLOCK_SIZE; c++) {
        const i = origin + r * cols + c;
        if (mask[i] !== 0 || (hasPadding && isPaddingValue(image, pixels[i]!))) {
          usable = 0;
          break;
        }
      }
    }
    flags[block] = usable;
  }
  return flags;
}

/** LSBs and dry flags in the given pixel order. A dry pixel's LSB flip must not make it padding. */
export function orderedBits(image: PixelImage, order: Int32Array, usableBlocks?: Uint8Array, blocks?: Int32Array): { lsb: Uint8Array; dry: Uint8Array } {
  const { pixels } = image;
  const lsb = new Uint8Array(order.length);
  const dry = new Uint8Array(order.length);
  const hasPadding = image.pixelPaddingValue !== undefined;
  for (let j = 0; j < order.length; j++) {
    const value = pixels[order[j]!]!;
    lsb[j] = value & 1;
    if (usableBlocks && blocks && usableBlocks[blocks[j >>> 4]!]) dry[j] = hasPadding && isPaddingValue(image, value ^ 1) ? 0 : 1;
  }
  return { lsb, dry };
}

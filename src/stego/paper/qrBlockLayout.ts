import { BLOCK_SIZE, BLOCK_LENGTH } from '../../dct/index.ts';

/**
 * How the paper cuts the QR image into 4×4 blocks (BQr): the module matrix (one pixel per module,
 * no quiet zone) is padded with light modules on the right and bottom to a multiple of 4, then cut
 * into 4×4 blocks taken in raster order. Bit = 1 for a light module, as in the paper's normalised
 * QR image (white = 1).
 */
export function paddedQrSide(qrSize: number): number {
  return Math.ceil(qrSize / BLOCK_SIZE) * BLOCK_SIZE;
}

export function qrBlockCount(qrSize: number): number {
  const side = paddedQrSide(qrSize) / BLOCK_SIZE;
  return side * side;
}

/** QR modules (1 = dark) → bits in block order: out[blockIndex*16 + i*4 + j]. */
export function qrModulesToBlockBits(modules: Uint8Array, qrSize: number): Uint8Array {
  const side = paddedQrSide(qrSize);
  const blocksPerRow = side / BLOCK_SIZE;
  const bits = new Uint8Array(blocksPerRow * blocksPerRow * BLOCK_LENGTH).fill(1);
  for (let row = 0; row < qrSize; row++) {
    for (let col = 0; col < qrSize; col++) {
      const block = Math.floor(row / BLOCK_SIZE) * blocksPerRow + Math.floor(col / BLOCK_SIZE);
      bits[block * BLOCK_LENGTH + (row % BLOCK_SIZE) * BLOCK_SIZE + (col % BLOCK_SIZE)] = modules[row * qrSize + col] ? 0 : 1;
    }
  }
  return bits;
}

/** Inverse of qrModulesToBlockBits for a given QR size (padding bits are dropped). */
export function blockBitsToQrModules(bits: Uint8Array, qrSize: number): Uint8Array {
  const blocksPerRow = paddedQrSide(qrSize) / BLOCK_SIZE;
  const modules = new Uint8Array(qrSize * qrSize);
  for (let row = 0; row < qrSize; row++) {
    for (let col = 0; col < qrSize; col++) {
      const block = Math.floor(row / BLOCK_SIZE) * blocksPerRow + Math.floor(col / BLOCK_SIZE);
      modules[row * qrSize + col] = bits[block * BLOCK_LENGTH + (row % BLOCK_SIZE) * BLOCK_SIZE + (col % BLOCK_SIZE)] ? 0 : 1;
    }
  }
  return modules;
}

/** Every QR side length (versions 1–40). */
export const QR_SIZES: readonly number[] = Array.from({ length: 40 }, (_, index) => 17 + 4 * (index + 1));

/**
 * Fraction of the three 7×7 finder patterns (with their light separators) that match in a module
 * matrix. Lets extraction find the QR size cheaply before asking the decoder: a wrong size
 * scrambles the top-right and bottom-left finders.
 */
export function finderPatternAgreement(modules: Uint8Array, qrSize: number): number {
  let matches = 0;
  let total = 0;
  const corners: Array<[number, number]> = [[0, 0], [0, qrSize - 7], [qrSize - 7, 0]];
  for (const [top, left] of corners) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const row = top + r;
        const col = left + c;
        if (row < 0 || col < 0 || row >= qrSize || col >= qrSize) continue;
        total++;
        if ((modules[row * qrSize + col] ?? 0) === expectedFinderModule(r, c)) matches++;
      }
    }
  }
  return matches / total;
}

function expectedFinderModule(r: number, c: number): number {
  if (r < 0 || c < 0 || r > 6 || c > 6) return 0; // separator: light
  const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
  return ring === 2 ? 0 : 1; // dark outer ring (3) and centre (≤1), light ring 2
}

/**
 * Rewrites the fixed function patterns of a QR module matrix (ISO/IEC 18004 §6.3: finder patterns
 * with their separators, timing patterns, alignment patterns and the dark module). Their values are
 * fully determined by the version, so a matrix recovered from a noisy image loses nothing by having
 * them restored, and the decoder's locator (which finds the symbol by its finder patterns before any
 * Reed–Solomon correction happens) no longer trips over flipped finder modules. Format and version
 * information are left alone: they carry data and have their own BCH protection.
 */
import { MedstegoError } from '../errors/index.ts';
import { qrVersionForSize } from './QrModules.ts';

/** Centre coordinates of alignment patterns along one axis (ISO/IEC 18004 Annex E). */
export function qrAlignmentCoordinates(version: number): number[] {
  if (version === 1) return [];
  const size = 17 + 4 * version;
  const count = Math.floor(version / 7) + 2;
  // Version 32 (size 145) is the one exception to the even-spacing rule of the table.
  const step = size === 145 ? 26 : Math.ceil((size - 13) / (2 * count - 2)) * 2;
  const coordinates = [size - 7];
  for (let i = 1; i < count - 1; i++) coordinates.push(coordinates[i - 1]! - step);
  coordinates.push(6);
  return coordinates.reverse();
}

/** Returns a repaired copy of `modules` (size*size, row-major, 1 = dark); the input is not changed. */
export function repairQrFunctionPatterns(modules: Uint8Array, size: number): Uint8Array {
  const version = qrVersionForSize(size);
  if (version === undefined || modules.length !== size * size) {
    throw new MedstegoError('QR_DECODE_FAILED', 'The module matrix does not have the shape of a QR code.', {
      size,
      length: modules.length,
    });
  }
  const out = modules.slice();
  const set = (row: number, col: number, dark: boolean): void => {
    if (row >= 0 && row < size && col >= 0 && col < size) out[row * size + col] = dark ? 1 : 0;
  };

  // Finder patterns (7×7: dark ring, light ring, dark 3×3 core) plus their one-module light separators.
  for (const [top, left] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(top + r, left + c, ring !== 2 && ring !== 4);
      }
    }
  }

  // Timing patterns: alternate dark/light along row 6 and column 6 between the separators.
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }

  // Alignment patterns (5×5: dark ring, light ring, dark centre), except where they would hit a finder.
  const coordinates = qrAlignmentCoordinates(version);
  const last = coordinates.length - 1;
  for (let i = 0; i <= last; i++) {
    for (let j = 0; j <= last; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
      const row = coordinates[i]!;
      const col = coordinates[j]!;
      for (let r = -2; r <= 2; r++) {
        for (let c = -2; c <= 2; c++) {
          set(row + r, col + c, Math.max(Math.abs(r), Math.abs(c)) !== 1);
        }
      }
    }
  }

  // The single always-dark module next to the bottom-left finder.
  set(size - 8, 8, true);
  return out;
}

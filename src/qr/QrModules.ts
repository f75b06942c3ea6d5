/**
 * The QR symbol as the rest of medstego sees it: a square matrix of modules (the bits that the
 * `paper` profile hides), without the quiet zone, which carries no information. The shape follows
 * ISO/IEC 18004: version v has 17 + 4v modules per side, v = 1..40.
 */

/** ISO/IEC 18004 error-correction levels; H recovers about 30% of codewords. */
export type QrErrorCorrectionLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrModules {
  /** Modules per side (21 for version 1 up to 177 for version 40). */
  readonly size: number;
  /** size*size modules, row-major, 1 = dark, 0 = light, no quiet zone. */
  readonly modules: Uint8Array;
  /**
   * size*size, 1 where the module is a function pattern (finder, separator, timing, alignment,
   * dark module, format and version information) rather than data or error-correction codewords.
   * Lets callers (and tests) tell which flips the symbol's Reed–Solomon code has to absorb.
   */
  readonly functionModules: Uint8Array;
  /** QR version, 1..40. */
  readonly version: number;
  readonly errorCorrectionLevel: QrErrorCorrectionLevel;
}

export const QR_MIN_VERSION = 1;
export const QR_MAX_VERSION = 40;

/** Modules per side for a version (ISO/IEC 18004 §5.3.1). */
export function qrSizeForVersion(version: number): number {
  return 17 + 4 * version;
}

/** The version whose symbol has `size` modules per side, or undefined when no version does. */
export function qrVersionForSize(size: number): number | undefined {
  if (!Number.isInteger(size)) return undefined;
  const version = (size - 17) / 4;
  return Number.isInteger(version) && version >= QR_MIN_VERSION && version <= QR_MAX_VERSION ? version : undefined;
}

/**
 * The one in-memory picture every algorithm works on: one grayscale frame of *stored values*
 * (what is in the DICOM Pixel Data after decoding, sign-extended, masked to Bits Stored), never
 * rescaled. Algorithms that need physical units (Hounsfield) apply the rescale themselves
 * through `toModalityValue`. Keeping stored values is what lets a stego file keep its calibration.
 */
export interface PixelImage {
  readonly rows: number;
  readonly cols: number;
  /** Stored values, row-major, length rows*cols. Int32 holds every 1..16-bit signed/unsigned value. */
  readonly pixels: Int32Array;
  readonly bitsStored: number;
  /** 0 = unsigned, 1 = two's complement. */
  readonly pixelRepresentation: 0 | 1;
  /** Inclusive range representable with bitsStored and pixelRepresentation. */
  readonly minStored: number;
  readonly maxStored: number;
  /** Modality LUT (default slope 1, intercept 0). */
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  /** Pixel Padding Value (0028,0120) and Range Limit (0028,0121), as stored values, when present. */
  readonly pixelPaddingValue?: number;
  readonly pixelPaddingRangeLimit?: number;
  /** DICOM Modality (0008,0060), e.g. 'CT', 'MR'; '' when absent. */
  readonly modality: string;
  readonly photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2';
}

/** Representable stored range for a bit depth and signedness. */
export function storedRange(bitsStored: number, pixelRepresentation: 0 | 1): { minStored: number; maxStored: number } {
  if (pixelRepresentation === 1) {
    return { minStored: -(2 ** (bitsStored - 1)), maxStored: 2 ** (bitsStored - 1) - 1 };
  }
  return { minStored: 0, maxStored: 2 ** bitsStored - 1 };
}

/** Stored value -> modality value (e.g. Hounsfield units for CT). */
export function toModalityValue(image: PixelImage, stored: number): number {
  return stored * image.rescaleSlope + image.rescaleIntercept;
}

/** True where the stored value is padding per Pixel Padding Value / Range Limit (PS3.3 C.7.5.1.1.2). */
export function isPaddingValue(image: PixelImage, stored: number): boolean {
  const padding = image.pixelPaddingValue;
  if (padding === undefined) return false;
  const limit = image.pixelPaddingRangeLimit;
  if (limit === undefined) return stored === padding;
  return stored >= Math.min(padding, limit) && stored <= Math.max(padding, limit);
}

import type { PixelImage } from '../image/PixelImage.ts';

/**
 * A binary body mask at image resolution: 1 = significant (the patient's body, including internal
 * air such as lungs and bowel, arms and extremities), 0 = insignificant (outside air, table,
 * cushions, padding outside the field of view). Row-major, length rows*cols.
 */
export type BodyMask = Uint8Array;

/**
 * Every segmenter (classical threshold, Mask R-CNN) sits behind this interface so the CLI, the
 * viewer and the embedding code never care which one made the mask. A slice with no anatomy
 * yields an all-zero mask, never an error.
 */
export interface Segmenter {
  /** Stable name used on the command line and in JSON output, e.g. 'threshold', 'maskrcnn'. */
  readonly name: string;
  segment(image: PixelImage): Promise<BodyMask>;
}

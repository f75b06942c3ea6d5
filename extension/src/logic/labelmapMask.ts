/**
 * Between a labelmap slice (cornerstone3D: one derived image per source image, segment index per
 * pixel) and the core's BodyMask (1 = body). Segment 1 is "body"; any other index the user paints
 * with also counts as body, and 0 is background.
 */
import type { BodyMask } from '../../../src/segmentation/index.ts';

export const BODY_SEGMENT_INDEX = 1;

export function labelmapToMask(labelmap: ArrayLike<number>): BodyMask {
  const mask = new Uint8Array(labelmap.length);
  for (let i = 0; i < labelmap.length; i++) mask[i] = labelmap[i] !== 0 ? 1 : 0;
  return mask;
}

/** Write the mask into a labelmap array in place (body → segment index, background → 0). */
export function writeMaskToLabelmap(mask: BodyMask, labelmap: { length: number; [index: number]: number }, segmentIndex = BODY_SEGMENT_INDEX): void {
  if (mask.length !== labelmap.length) throw new RangeError(`mask has ${mask.length} pixels, labelmap ${labelmap.length}`);
  for (let i = 0; i < mask.length; i++) labelmap[i] = mask[i] ? segmentIndex : 0;
}

/** Pixels that differ between two masks (to tell the user how much the brush changed). */
export function countChangedPixels(a: BodyMask, b: BodyMask): number {
  if (a.length !== b.length) throw new RangeError('masks differ in size');
  let changed = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] !== 0) !== (b[i] !== 0)) changed++;
  return changed;
}

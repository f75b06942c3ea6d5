/**
 * dcmjs parses numeric VRs of an Explicit VR Big Endian source correctly but keeps OW/OF/OL/OD/OV
 * values as the raw big-endian bytes. Written unchanged into a little-endian file they would mean
 * different numbers (LUT data, overlays), so swap each word in place, in nested sequences too.
 * Pixel Data is excluded: the writer replaces it.
 */
import type { DcmjsDict } from './dcmjsModule.ts';

const WORD_SIZE: Record<string, number> = { OW: 2, OF: 4, OL: 4, OD: 8, OV: 8 };
const PIXEL_DATA = '7FE00010';

function swapWords(buffer: ArrayBuffer, wordSize: number): ArrayBuffer {
  const bytes = new Uint8Array(buffer.slice(0));
  for (let start = 0; start + wordSize <= bytes.length; start += wordSize) {
    bytes.subarray(start, start + wordSize).reverse();
  }
  return bytes.buffer;
}

export function swapBigEndianWords(dict: DcmjsDict, topLevel = true): void {
  for (const [tag, element] of Object.entries(dict)) {
    if (topLevel && tag === PIXEL_DATA) continue;
    if (element.vr === 'SQ') {
      for (const item of element.Value ?? []) {
        if (item && typeof item === 'object') swapBigEndianWords(item as DcmjsDict, false);
      }
      continue;
    }
    const wordSize = WORD_SIZE[element.vr];
    if (wordSize === undefined) continue;
    element.Value = (element.Value ?? []).map((value) => (value instanceof ArrayBuffer ? swapWords(value, wordSize) : value));
    delete element._rawValue;
  }
}

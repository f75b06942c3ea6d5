/**
 * Stored values -> native little-endian Pixel Data bytes in the source's Bits Allocated and Pixel
 * Representation (PS3.5 section 8.1.1). Refuses any value outside the Bits Stored range instead of
 * wrapping it: a wrapped value would silently change the image.
 */
import { MedstegoError } from '../errors/index.ts';

/** Typed arrays use the host's byte order; every current browser and Node platform is little endian. */
const isLittleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeStoredValues(values: Int32Array, bitsAllocated: number, minStored: number, maxStored: number): Uint8Array {
  const count = values.length;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value < minStored || value > maxStored) {
      throw new MedstegoError('DICOM_WRITE_FAILED', `Stego pixel ${i} is outside the stored range [${minStored}, ${maxStored}]`, {
        index: i,
        value,
        minStored,
        maxStored,
      });
    }
  }
  if (bitsAllocated === 8) {
    // Pixel Data values must have even length (PS3.5 7.1.1): pad an odd count with one zero byte.
    const bytes = new Uint8Array(count + (count % 2));
    for (let i = 0; i < count; i++) bytes[i] = values[i]! & 0xff;
    return bytes;
  }
  if (bitsAllocated === 16) {
    // Negative values are written sign-extended to 16 bits (two's complement of the whole word).
    const words = new Uint16Array(count);
    for (let i = 0; i < count; i++) words[i] = values[i]! & 0xffff;
    const bytes = new Uint8Array(words.buffer);
    if (!isLittleEndianHost) {
      for (let i = 0; i < bytes.length; i += 2) {
        const low = bytes[i + 1]!;
        bytes[i + 1] = bytes[i]!;
        bytes[i] = low;
      }
    }
    return bytes;
  }
  throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', `Bits Allocated ${bitsAllocated} cannot be written`, { bitsAllocated });
}

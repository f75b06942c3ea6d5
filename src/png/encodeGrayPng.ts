/**
 * Grayscale picture -> PNG bytes (one channel; 8-bit from a Uint8Array, 16-bit from a Uint16Array),
 * for masks, QR images and previews. Lossless, so a mask written and read back is bit-identical.
 */
import { encode } from 'fast-png';
import { MedstegoError } from '../errors/index.ts';

export function encodeGrayPng(width: number, height: number, data: Uint8Array | Uint16Array): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || data.length !== width * height) {
    throw new MedstegoError('INTERNAL', 'encodeGrayPng: data must hold width*height samples.', {
      width,
      height,
      length: data.length,
    });
  }
  const depth = data instanceof Uint16Array ? 16 : 8;
  return encode({ width, height, data, channels: 1, depth });
}

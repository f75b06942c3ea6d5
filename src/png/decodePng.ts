/**
 * PNG bytes -> samples, one array element per sample (PNG Specification, 3rd ed.): sub-byte gray is
 * unpacked (values stay 0..2^depth−1, not rescaled), palette images are expanded to RGB or RGBA, and
 * 16-bit images come back as a Uint16Array in native values, so callers never deal with bit packing.
 */
import { decode, hasPngSignature, convertIndexedToRgb } from 'fast-png';
import { MedstegoError } from '../errors/index.ts';
import type { ErrorCode } from '../errors/index.ts';

export interface DecodedPngImage {
  readonly width: number;
  readonly height: number;
  /** Samples per pixel: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  /** Bits per sample of the values in `data`: 1, 2, 4, 8 or 16 (palette images report 8 after expansion). */
  readonly depth: number;
  /** width*height*channels samples, row-major, interleaved; Uint16Array exactly when depth is 16. */
  readonly data: Uint8Array | Uint16Array;
}

const INVALID_PNG: ErrorCode = 'IMAGE_INVALID';

export function decodePng(bytes: Uint8Array): DecodedPngImage {
  if (!hasPngSignature(bytes)) {
    throw new MedstegoError(INVALID_PNG, 'The data is not a PNG image (no PNG signature).', { format: 'png' });
  }
  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new MedstegoError(INVALID_PNG, `The PNG image could not be decoded: ${reason}`, { format: 'png' }, { cause: thrown });
  }
  const { width, height } = png;
  if (png.palette) {
    const rgb = convertIndexedToRgb(png);
    return { width, height, channels: rgb.length / (width * height), depth: 8, data: rgb };
  }
  if (png.depth === 16) {
    return { width, height, channels: png.channels, depth: 16, data: png.data as Uint16Array };
  }
  const packed = png.data instanceof Uint8Array ? png.data : new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length);
  const data = png.depth === 8 ? packed : unpackSamples(packed, width * png.channels, height, png.depth);
  return { width, height, channels: png.channels, depth: png.depth, data };
}

/** Sub-byte samples are packed MSB first and every row starts on a byte boundary. */
function unpackSamples(packed: Uint8Array, samplesPerRow: number, rows: number, depth: number): Uint8Array {
  const out = new Uint8Array(samplesPerRow * rows);
  const bytesPerRow = Math.ceil((samplesPerRow * depth) / 8);
  const perByte = 8 / depth;
  const mask = (1 << depth) - 1;
  for (let row = 0; row < rows; row++) {
    const rowStart = row * bytesPerRow;
    for (let i = 0; i < samplesPerRow; i++) {
      const byte = packed[rowStart + Math.floor(i / perByte)]!;
      const shift = 8 - depth * ((i % perByte) + 1);
      out[row * samplesPerRow + i] = (byte >> shift) & mask;
    }
  }
  return out;
}

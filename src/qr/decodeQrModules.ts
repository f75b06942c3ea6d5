/**
 * QR module matrix -> text, through the `jsqr` decoder (which applies the symbol's own Reed–Solomon
 * correction, so a matrix recovered from a noisy image with a few flipped modules still decodes).
 * jsQR only reads pictures, so the matrix is first drawn with a quiet zone at a few pixels per module.
 */
import jsQRModule from 'jsqr';
import { MedstegoError } from '../errors/index.ts';
import { repairQrFunctionPatterns } from './repairQrFunctionPatterns.ts';
import { renderQrGray } from './renderQrGray.ts';

// jsqr is a CommonJS (UMD) bundle whose module.exports is the decode function itself, with a `default`
// property pointing to itself. Under NodeNext TypeScript types the default import as the module object
// ({ default }), while Node ESM, tsx and bundlers hand over the function; accept either at run time.
type JsQr = typeof jsQRModule.default;
const jsQRExport = jsQRModule as unknown as JsQr | { default: JsQr };
const jsQR: JsQr = typeof jsQRExport === 'function' ? jsQRExport : jsQRExport.default;

/** Pixels per module handed to jsQR: enough for its binariser and sampling grid to land mid-module. */
const PIXELS_PER_MODULE = 4;

export function decodeQrModules(modules: Uint8Array, size: number): string {
  if (!Number.isInteger(size) || size < 1 || modules.length !== size * size) {
    throw new MedstegoError('INTERNAL', 'decodeQrModules: modules must hold size*size values.', { size, length: modules.length });
  }
  // Throws QR_DECODE_FAILED when size is not 17 + 4v for a version v in 1..40.
  const repaired = repairQrFunctionPatterns(modules, size);
  const gray = renderQrGray(repaired, size, { scale: PIXELS_PER_MODULE, quietZone: 4 });
  const rgba = new Uint8ClampedArray(gray.data.length * 4);
  for (let i = 0, j = 0; i < gray.data.length; i++, j += 4) {
    const value = gray.data[i]!;
    rgba[j] = value;
    rgba[j + 1] = value;
    rgba[j + 2] = value;
    rgba[j + 3] = 255;
  }
  // We drew it dark-on-light ourselves, so the inverted attempt would only double the time of a failure.
  const result = jsQR(rgba, gray.width, gray.height, { inversionAttempts: 'dontInvert' });
  if (result === null) {
    throw new MedstegoError('QR_DECODE_FAILED', 'The QR module matrix could not be decoded (too many module errors?).', {
      size,
    });
  }
  return result.data;
}

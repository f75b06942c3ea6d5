/**
 * QR module matrix -> text. Both decoders apply the symbol's own Reed–Solomon correction, so a
 * matrix recovered from a noisy image with a few flipped modules still decodes.
 *
 * First ZXing (the library the paper used) in "pure barcode" mode: we already hold the module
 * grid, so it skips detection and sampling and decodes in ~2 ms instead of jsQR's ~25–30 ms on a
 * 512² slice's payload, which is what keeps extraction inside its 20 ms budget. When ZXing gives
 * up, jsQR reads a rendered picture of the same grid (it tolerated more damage in our trials).
 */
import jsQRModule from 'jsqr';
import * as zxingNamespace from '@zxing/library';
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

// @zxing/library ships CommonJS (used by Node, where the named classes sit on `default`) and an ES
// module build (used by bundlers, where they are named exports): accept either shape.
const zxing = ((zxingNamespace as unknown as { default?: typeof zxingNamespace }).default ?? zxingNamespace) as typeof zxingNamespace;
const { QRCodeReader, BinaryBitmap, GlobalHistogramBinarizer, RGBLuminanceSource, DecodeHintType } = zxing;
const PURE_BARCODE_HINTS = new Map([[DecodeHintType.PURE_BARCODE, true]]);
/** Light border (in modules) drawn around the grid for ZXing's pure-barcode bounds search. */
const ZXING_QUIET_ZONE = 2;

/** ZXing pure-barcode decode of a module grid at one pixel per module; undefined on failure. */
function decodeWithZxing(modules: Uint8Array, size: number): string | undefined {
  const side = size + 2 * ZXING_QUIET_ZONE;
  const luminance = new Uint8ClampedArray(side * side).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules[row * size + col]) luminance[(row + ZXING_QUIET_ZONE) * side + col + ZXING_QUIET_ZONE] = 0;
    }
  }
  try {
    const bitmap = new BinaryBitmap(new GlobalHistogramBinarizer(new RGBLuminanceSource(luminance, side, side)));
    return new QRCodeReader().decode(bitmap, PURE_BARCODE_HINTS).getText();
  } catch {
    return undefined; // ZXing signals every failure by exception (NotFound, Checksum, Format).
  }
}

export function decodeQrModules(modules: Uint8Array, size: number): string {
  if (!Number.isInteger(size) || size < 1 || modules.length !== size * size) {
    throw new MedstegoError('INTERNAL', 'decodeQrModules: modules must hold size*size values.', { size, length: modules.length });
  }
  // Throws QR_DECODE_FAILED when size is not 17 + 4v for a version v in 1..40.
  const repaired = repairQrFunctionPatterns(modules, size);
  const fast = decodeWithZxing(repaired, size);
  if (fast !== undefined) return fast;
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

/**
 * 8-bit JPEG baseline (Process 1) frames with libjpeg-turbo compiled to WASM. The 12-bit lossy
 * processes need a 12-bit build, which medstego does not have: those syntaxes are refused earlier.
 */
import { MedstegoError } from '../../errors/index.ts';
import type { PixelModule } from '../readPixelModule.ts';
import { loadLibJpegTurbo, type CodecLoaderOptions } from './loadCodecs.ts';
import { runWasmDecoder } from './runWasmDecoder.ts';

export async function decodeJpegBaselineFrame(frame: Uint8Array, pixelModule: PixelModule, options?: CodecLoaderOptions): Promise<Uint8Array | Uint16Array | Int16Array> {
  if (pixelModule.bitsStored > 8) {
    throw new MedstegoError('DICOM_UNSUPPORTED_TRANSFER_SYNTAX', `JPEG baseline with Bits Stored ${pixelModule.bitsStored} (> 8) cannot be decoded by the 8-bit codec`, {
      bitsStored: pixelModule.bitsStored,
    });
  }
  const codec = await loadLibJpegTurbo(options);
  return runWasmDecoder(new codec.JPEGDecoder(), frame, pixelModule, 'JPEG baseline');
}

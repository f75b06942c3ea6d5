/** JPEG-LS (ISO 14495-1) frames, lossless and near-lossless, with CharLS compiled to WASM. */
import type { PixelModule } from '../readPixelModule.ts';
import { loadCharls, type CodecLoaderOptions } from './loadCodecs.ts';
import { runWasmDecoder } from './runWasmDecoder.ts';

export async function decodeJpegLsFrame(frame: Uint8Array, pixelModule: PixelModule, options?: CodecLoaderOptions): Promise<Uint8Array | Uint16Array | Int16Array> {
  const codec = await loadCharls(options);
  return runWasmDecoder(new codec.JpegLSDecoder(), frame, pixelModule, 'JPEG-LS');
}

/** JPEG 2000 (ISO 15444-1) frames, reversible and irreversible, with OpenJPEG compiled to WASM. */
import type { PixelModule } from '../readPixelModule.ts';
import { loadOpenJpeg, type CodecLoaderOptions } from './loadCodecs.ts';
import { runWasmDecoder } from './runWasmDecoder.ts';

export async function decodeJpeg2000Frame(frame: Uint8Array, pixelModule: PixelModule, options?: CodecLoaderOptions): Promise<Uint8Array | Uint16Array | Int16Array> {
  const codec = await loadOpenJpeg(options);
  return runWasmDecoder(new codec.J2KDecoder(), frame, pixelModule, 'JPEG 2000');
}

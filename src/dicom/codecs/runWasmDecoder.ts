/**
 * Run one embind frame decoder (CharLS, OpenJPEG, libjpeg-turbo builds share the interface):
 * copy the codestream into the WASM heap, decode, copy the samples out (the heap view dies with the
 * decoder or on the next heap growth) and always free the decoder.
 */
import { MedstegoError } from '../../errors/index.ts';
import type { PixelModule } from '../readPixelModule.ts';
import type { WasmFrameDecoder } from './loadCodecs.ts';

export function runWasmDecoder(
  decoder: WasmFrameDecoder,
  frame: Uint8Array,
  pixelModule: PixelModule,
  codecName: string,
): Uint8Array | Uint16Array | Int16Array {
  try {
    decoder.getEncodedBuffer(frame.length).set(frame);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.width !== pixelModule.cols || info.height !== pixelModule.rows) {
      throw new MedstegoError('DICOM_DECODE_FAILED', `${codecName} codestream is ${info.width}x${info.height}, header says ${pixelModule.cols}x${pixelModule.rows}`, {
        codestreamWidth: info.width,
        codestreamHeight: info.height,
      });
    }
    if (info.componentCount !== 1) {
      throw new MedstegoError('DICOM_UNSUPPORTED_PHOTOMETRIC', `${codecName} codestream has ${info.componentCount} components`, {
        components: info.componentCount,
      });
    }
    const decoded = decoder.getDecodedBuffer();
    if (info.bitsPerSample <= 8) return decoded.slice();
    const copy = decoded.slice();
    const length = copy.byteLength >> 1;
    return info.isSigned ? new Int16Array(copy.buffer, 0, length) : new Uint16Array(copy.buffer, 0, length);
  } finally {
    decoder.delete();
  }
}

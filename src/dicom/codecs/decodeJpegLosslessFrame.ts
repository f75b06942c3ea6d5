/**
 * JPEG lossless (ITU T.81 Process 14, any predictor, and SV1) frames with the pure-JS decoder from
 * cornerstone (the original jpeg-lossless-decoder-js 2.1.2 gets the last pixel of one sample wrong).
 */
import { Decoder } from '@cornerstonejs/jpeg-lossless-decoder-js';
import { MedstegoError } from '../../errors/index.ts';
import type { PixelModule } from '../readPixelModule.ts';

export function decodeJpegLosslessFrame(frame: Uint8Array, pixelModule: PixelModule): Uint8Array | Uint16Array {
  const decoder = new Decoder();
  // The decoder reads through a DataView of the ArrayBuffer, so hand it the frame's own window.
  const decoded = decoder.decode(frame.buffer as ArrayBuffer, frame.byteOffset, frame.length);
  if (decoder.xDim !== pixelModule.cols || decoder.yDim !== pixelModule.rows) {
    throw new MedstegoError('DICOM_DECODE_FAILED', `JPEG lossless codestream is ${decoder.xDim}x${decoder.yDim}, header says ${pixelModule.cols}x${pixelModule.rows}`);
  }
  if (decoder.numComp !== 1) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PHOTOMETRIC', `JPEG lossless codestream has ${decoder.numComp} components`);
  }
  return decoded;
}

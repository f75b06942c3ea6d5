/**
 * Native (uncompressed) Pixel Data, PS3.5 section 8.1.1 and 8.2: frames stored back to back,
 * one sample per pixel, little endian words except in the retired Explicit VR Big Endian syntax,
 * where 16-bit words (and 8-bit data in OW) are byte-swapped.
 */
import type { DataSet, Element } from 'dicom-parser';
import { MedstegoError } from '../errors/index.ts';
import type { PixelModule } from './readPixelModule.ts';
import { toStoredValues } from './toStoredValues.ts';

function swapBytePairs(source: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(source.length);
  for (let i = 0; i + 1 < source.length; i += 2) {
    swapped[i] = source[i + 1]!;
    swapped[i + 1] = source[i]!;
  }
  return swapped;
}

export function decodeNativeFrame(
  dataSet: DataSet,
  element: Element,
  pixelModule: PixelModule,
  frameIndex: number,
  bigEndian: boolean,
): Int32Array {
  const pixelCount = pixelModule.rows * pixelModule.cols;
  const bytesPerSample = pixelModule.bitsAllocated / 8;
  const frameBytes = pixelCount * bytesPerSample;
  const frameStart = frameIndex * frameBytes;
  if (frameStart + frameBytes > element.length) {
    throw new MedstegoError('DICOM_TRUNCATED', 'Pixel Data is shorter than Rows x Columns x Bits Allocated requires', {
      pixelDataLength: element.length,
      requiredLength: (frameIndex + 1) * frameBytes,
    });
  }
  const byteArray = dataSet.byteArray as Uint8Array;
  const start = element.dataOffset + frameStart;
  if (start + frameBytes > byteArray.length) {
    throw new MedstegoError('DICOM_TRUNCATED', 'The file ends inside Pixel Data', { byteLength: byteArray.length });
  }
  let bytes = byteArray.subarray(start, start + frameBytes);
  const swapWords = bigEndian && (pixelModule.bitsAllocated === 16 || element.vr === 'OW');
  if (swapWords) bytes = swapBytePairs(bytes);

  if (pixelModule.bitsAllocated === 8) {
    return toStoredValues(bytes, pixelModule.bitsStored, pixelModule.pixelRepresentation, pixelCount);
  }
  // A Uint16Array view needs an even byte offset; copy only when the file puts Pixel Data at an odd one.
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  const words = new Uint16Array(aligned.buffer, aligned.byteOffset, pixelCount);
  return toStoredValues(words, pixelModule.bitsStored, pixelModule.pixelRepresentation, pixelCount);
}

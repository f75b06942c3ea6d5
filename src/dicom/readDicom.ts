/**
 * Read one DICOM Part 10 file into a DicomSlice: a single grayscale frame of stored values plus
 * the header facts medstego needs. Everything a stego file cannot be made from is refused here
 * with a precise MedstegoError code, before any pixel is touched downstream.
 */
import type { DataSet } from 'dicom-parser';
import { MedstegoError } from '../errors/index.ts';
import { storedRange, type PixelImage } from '../image/PixelImage.ts';
import type { CodecLoaderOptions } from './codecs/loadCodecs.ts';
import { decodePixelFrame } from './decodePixelFrame.ts';
import type { DicomSlice } from './DicomSlice.ts';
import { openDicom } from './openDicom.ts';
import { readHeaderString } from './readHeaderString.ts';
import { readUid } from './readUid.ts';

const UNDEFINED_LENGTH = 0xffffffff;

export interface ReadDicomOptions {
  /** How the WASM codecs find their binaries (browsers); Node needs nothing. */
  readonly codecs?: CodecLoaderOptions;
}

function readFloatString(dataSet: DataSet, tag: string, fallback: number): number {
  const value = dataSet.floatString(tag);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

/** Pixel Padding Value / Range Limit are US or SS following Pixel Representation (PS3.3 C.7.5.1.1.2). */
function readPaddingValue(dataSet: DataSet, tag: string, pixelRepresentation: 0 | 1): number | undefined {
  const element = dataSet.elements[tag];
  if (!element || element.length < 2) return undefined;
  return pixelRepresentation === 1 ? dataSet.int16(tag) : dataSet.uint16(tag);
}

export async function readDicom(bytes: Uint8Array, options: ReadDicomOptions = {}): Promise<DicomSlice> {
  const source = openDicom(bytes);
  const { dataSet, pixelElement, pixelModule, transferSyntax, transferSyntaxUid } = source;
  // Encapsulated Pixel Data without its Sequence Delimitation Item means the file was cut after
  // some fragment; the fragments left might still decode (JPEG 2000 decodes truncated streams at
  // lower quality), so refuse rather than risk a silently degraded image.
  if (pixelElement.encapsulatedPixelData && pixelElement.length === UNDEFINED_LENGTH) {
    throw new MedstegoError('DICOM_TRUNCATED', 'Encapsulated Pixel Data ends without its sequence delimiter: the file was cut');
  }
  if (pixelModule.numberOfFrames > 1) {
    throw new MedstegoError('DICOM_MULTIFRAME', `The image has ${pixelModule.numberOfFrames} frames; only single-frame slices are processed`, {
      numberOfFrames: pixelModule.numberOfFrames,
    });
  }
  const pixels = await decodePixelFrame(source, 0, options.codecs);

  const { bitsStored, pixelRepresentation } = pixelModule;
  const getString = readHeaderString(dataSet);
  const pixelPaddingValue = readPaddingValue(dataSet, 'x00280120', pixelRepresentation);
  const pixelPaddingRangeLimit = readPaddingValue(dataSet, 'x00280121', pixelRepresentation);
  const image: PixelImage = {
    rows: pixelModule.rows,
    cols: pixelModule.cols,
    pixels,
    bitsStored,
    pixelRepresentation,
    ...storedRange(bitsStored, pixelRepresentation),
    rescaleSlope: readFloatString(dataSet, 'x00281053', 1),
    rescaleIntercept: readFloatString(dataSet, 'x00281052', 0),
    ...(pixelPaddingValue === undefined ? {} : { pixelPaddingValue }),
    ...(pixelPaddingRangeLimit === undefined ? {} : { pixelPaddingRangeLimit }),
    modality: getString('Modality') ?? '',
    photometricInterpretation: pixelModule.photometricInterpretation,
  };

  return {
    image,
    transferSyntaxUid,
    sourceWasLossy: transferSyntax.lossy,
    sopInstanceUid: readUid(dataSet, 'x00080018'),
    seriesInstanceUid: readUid(dataSet, 'x0020000e'),
    studyInstanceUid: readUid(dataSet, 'x0020000d'),
    numberOfFrames: pixelModule.numberOfFrames,
    bitsAllocated: pixelModule.bitsAllocated,
    getString,
    sourceBytes: bytes,
  };
}

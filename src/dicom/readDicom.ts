/**
 * Read one DICOM Part 10 file into a DicomSlice: a single grayscale frame of stored values plus
 * the header facts medstego needs. Everything a stego file cannot be made from is refused here
 * with a precise MedstegoError code, before any pixel is touched downstream.
 */
import type { DataSet } from 'dicom-parser';
import { MedstegoError } from '../errors/index.ts';
import { storedRange, type PixelImage } from '../image/PixelImage.ts';
import type { CodecLoaderOptions } from './codecs/loadCodecs.ts';
import { decodePixelFrame, type FrameSource } from './decodePixelFrame.ts';
import type { DicomSlice } from './DicomSlice.ts';
import { parseDicomBytes } from './parseDicomBytes.ts';
import { readHeaderString } from './readHeaderString.ts';
import { readPixelModule } from './readPixelModule.ts';
import { lookupTransferSyntax } from './transferSyntaxes.ts';

export interface ReadDicomOptions {
  /** How the WASM codecs find their binaries (browsers); Node needs nothing. */
  readonly codecs?: CodecLoaderOptions;
}

function readUid(dataSet: DataSet, tag: string): string {
  // UIDs are padded with NUL to an even length (PS3.5 9.1).
  return (dataSet.string(tag) ?? '').replace(/\0/g, '').trim();
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

/**
 * Parse the file and check everything short of decoding pixels. Shared by `readDicom` and the
 * frame-by-frame reader used to compare multi-frame samples in tests.
 */
export function openDicom(bytes: Uint8Array): FrameSource {
  const dataSet = parseDicomBytes(bytes);
  const transferSyntaxUid = readUid(dataSet, 'x00020010');
  const transferSyntax = lookupTransferSyntax(transferSyntaxUid);
  if (!transferSyntax) {
    throw new MedstegoError('DICOM_UNSUPPORTED_TRANSFER_SYNTAX', 'Unknown transfer syntax', { transferSyntaxUid });
  }
  if (transferSyntax.encoding === 'refused') {
    throw new MedstegoError(
      'DICOM_UNSUPPORTED_TRANSFER_SYNTAX',
      `${transferSyntax.name} is not supported: ${transferSyntax.refusalReason ?? 'no decoder'}`,
      { transferSyntaxUid },
    );
  }
  const pixelElement = dataSet.elements.x7fe00010;
  if (!pixelElement) {
    throw new MedstegoError('DICOM_NO_PIXEL_DATA', 'The data set has no Pixel Data (7FE0,0010)');
  }
  const pixelModule = readPixelModule(dataSet);
  return { dataSet, pixelElement, pixelModule, transferSyntax, transferSyntaxUid };
}

export async function readDicom(bytes: Uint8Array, options: ReadDicomOptions = {}): Promise<DicomSlice> {
  const source = openDicom(bytes);
  const { dataSet, pixelModule, transferSyntax, transferSyntaxUid } = source;
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

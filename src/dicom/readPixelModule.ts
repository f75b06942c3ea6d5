/**
 * Read and validate the Image Pixel module (PS3.3 C.7.6.3) attributes that decide how Pixel Data
 * is laid out, refusing what medstego cannot carry a payload in (colour, odd bit layouts).
 */
import type { DataSet } from 'dicom-parser';
import { MedstegoError } from '../errors/index.ts';

export interface PixelModule {
  readonly rows: number;
  readonly cols: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly highBit: number;
  readonly pixelRepresentation: 0 | 1;
  readonly samplesPerPixel: number;
  readonly photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2';
  readonly numberOfFrames: number;
}

function requireUint16(dataSet: DataSet, tag: string, name: string): number {
  const value = dataSet.uint16(tag);
  if (value === undefined) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', `${name} is missing`, { attribute: name });
  }
  return value;
}

export function readPixelModule(dataSet: DataSet): PixelModule {
  const samplesPerPixel = dataSet.uint16('x00280002') ?? 1;
  const photometric = (dataSet.string('x00280004') ?? '').trim().toUpperCase();
  if (samplesPerPixel !== 1) {
    throw new MedstegoError(
      'DICOM_UNSUPPORTED_PHOTOMETRIC',
      `Samples per Pixel is ${samplesPerPixel}: only single-sample grayscale images can carry a payload`,
      { samplesPerPixel, photometricInterpretation: photometric },
    );
  }
  if (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') {
    throw new MedstegoError(
      'DICOM_UNSUPPORTED_PHOTOMETRIC',
      `Photometric Interpretation '${photometric || '(absent)'}' is not MONOCHROME1/MONOCHROME2`,
      { photometricInterpretation: photometric },
    );
  }

  const rows = requireUint16(dataSet, 'x00280010', 'Rows');
  const cols = requireUint16(dataSet, 'x00280011', 'Columns');
  const bitsAllocated = requireUint16(dataSet, 'x00280100', 'Bits Allocated');
  const bitsStored = dataSet.uint16('x00280101') ?? bitsAllocated;
  const highBit = dataSet.uint16('x00280102') ?? bitsStored - 1;
  const pixelRepresentationValue = dataSet.uint16('x00280103') ?? 0;

  if (rows === 0 || cols === 0) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', 'Rows or Columns is zero', { rows, cols });
  }
  // 8 and 16 cover every CT/MR stored layout in practice; 1-bit and 32-bit grayscale are segmentation
  // masks and parametric maps, not images a payload belongs in.
  if (bitsAllocated !== 8 && bitsAllocated !== 16) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', `Bits Allocated ${bitsAllocated} is not 8 or 16`, {
      bitsAllocated,
    });
  }
  if (bitsStored < 1 || bitsStored > bitsAllocated) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', `Bits Stored ${bitsStored} does not fit Bits Allocated ${bitsAllocated}`, {
      bitsAllocated,
      bitsStored,
    });
  }
  // A High Bit other than Bits Stored - 1 (values not starting at bit 0) was retired in 2011; the
  // writer could not put such values back faithfully, so refuse instead of guessing.
  if (highBit !== bitsStored - 1) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', `High Bit ${highBit} is not Bits Stored - 1 (${bitsStored - 1})`, {
      bitsStored,
      highBit,
    });
  }
  if (pixelRepresentationValue !== 0 && pixelRepresentationValue !== 1) {
    throw new MedstegoError('DICOM_UNSUPPORTED_PIXEL_FORMAT', `Pixel Representation ${pixelRepresentationValue} is not 0 or 1`, {
      pixelRepresentation: pixelRepresentationValue,
    });
  }

  const framesText = dataSet.string('x00280008');
  const numberOfFrames = framesText === undefined || framesText.trim() === '' ? 1 : Number.parseInt(framesText, 10);
  if (!Number.isFinite(numberOfFrames) || numberOfFrames < 1) {
    throw new MedstegoError('DICOM_CORRUPT', 'Number of Frames is not a positive integer');
  }

  return {
    rows,
    cols,
    bitsAllocated,
    bitsStored,
    highBit,
    pixelRepresentation: pixelRepresentationValue,
    samplesPerPixel,
    photometricInterpretation: photometric,
    numberOfFrames,
  };
}

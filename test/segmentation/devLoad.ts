// Temporary development loader (until src/dicom readDicom lands): Explicit VR LE uncompressed only.
import dicomParser from 'dicom-parser';
import type { PixelImage } from '../../src/image/PixelImage.ts';
import { storedRange } from '../../src/image/PixelImage.ts';

export function devLoad(bytes: Uint8Array): PixelImage {
  const ds = dicomParser.parseDicom(bytes);
  const rows = ds.uint16('x00280010')!;
  const cols = ds.uint16('x00280011')!;
  const bitsAllocated = ds.uint16('x00280100')!;
  const bitsStored = ds.uint16('x00280101')!;
  const pixelRepresentation = (ds.uint16('x00280103') ?? 0) as 0 | 1;
  const el = ds.elements['x7fe00010']!;
  const n = rows * cols;
  const pixels = new Int32Array(n);
  const dv = new DataView(bytes.buffer, bytes.byteOffset + el.dataOffset, n * (bitsAllocated / 8));
  const mask = (1 << bitsStored) - 1;
  for (let i = 0; i < n; i++) {
    let v = bitsAllocated === 16 ? dv.getUint16(i * 2, true) : dv.getUint8(i);
    v &= mask;
    if (pixelRepresentation === 1 && v & (1 << (bitsStored - 1))) v -= 1 << bitsStored;
    pixels[i] = v;
  }
  const slope = ds.floatString('x00281053');
  const intercept = ds.floatString('x00281052');
  const padEl = ds.elements['x00280120'];
  let pixelPaddingValue: number | undefined;
  if (padEl) pixelPaddingValue = pixelRepresentation === 1 ? ds.int16('x00280120') : ds.uint16('x00280120');
  const range = storedRange(bitsStored, pixelRepresentation);
  return {
    rows, cols, pixels, bitsStored, pixelRepresentation, ...range,
    rescaleSlope: slope ?? 1, rescaleIntercept: intercept ?? 0,
    pixelPaddingValue,
    modality: ds.string('x00080060') ?? '',
    photometricInterpretation: (ds.string('x00280004') as 'MONOCHROME1' | 'MONOCHROME2') ?? 'MONOCHROME2',
  };
}

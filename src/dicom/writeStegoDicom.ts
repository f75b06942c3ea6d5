/**
 * Write the stego file: the source data set with every attribute kept, new pixels, and the changes
 * a derived image needs (DESIGN.md section 5; PS3.3 C.7.6.1 for Image Type and Derivation
 * Description, C.12.1 for SOP Instance UID). Always Explicit VR Little Endian, uncompressed, so the
 * payload survives storage bit for bit whatever the source transfer syntax was.
 *
 * dcmjs re-reads the source bytes into its *denaturalized* dict (tags -> VR + values), which keeps
 * private, retired and unknown attributes as they were; only the listed attributes are changed.
 * With `deidentification` the header first goes through the PS3.15 Annex E Basic Profile
 * (deidentifyDataset.ts), and the written bytes are checked for any original UID before returning.
 */
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import { withDcmjsSilenced, type DcmjsDict } from './dcmjsModule.ts';
import type { DicomSlice, WriteStegoOptions } from './DicomSlice.ts';
import { encodeStoredValues } from './encodeStoredValues.ts';
import { generateUid } from './generateUid.ts';
import { deidentifyDataset, findLeakedUids } from './deidentifyDataset.ts';
import { readDcmjsDict } from './readDcmjsDict.ts';
import { parseDicomBytes } from './parseDicomBytes.ts';
import { restoreUnknownVrElements } from './restoreUnknownVrElements.ts';
import { swapBigEndianWords } from './swapBigEndianWords.ts';

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

const TAG = {
  fileMetaGroupLength: '00020000',
  mediaStorageSopInstanceUid: '00020003',
  transferSyntaxUid: '00020010',
  imageType: '00080008',
  sopInstanceUid: '00080018',
  derivationDescription: '00082111',
  seriesInstanceUid: '0020000E',
  numberOfFrames: '00280008',
  lossyImageCompression: '00282110',
  lossyImageCompressionRatio: '00282112',
  lossyImageCompressionMethod: '00282114',
  extendedOffsetTable: '7FE00001',
  extendedOffsetTableLengths: '7FE00002',
  pixelData: '7FE00010',
} as const;

/** Defined Terms of Lossy Image Compression Method (PS3.3 C.7.6.1.1.5.1) per lossy transfer syntax. */
const LOSSY_METHOD: Record<string, string> = {
  '1.2.840.10008.1.2.4.50': 'ISO_10918_1',
  '1.2.840.10008.1.2.4.81': 'ISO_14495_1',
  '1.2.840.10008.1.2.4.91': 'ISO_15444_1',
};

/** Maximum length of an ST value (PS3.5 table 6.2-1). */
const MAX_ST_LENGTH = 1024;

function setElement(dict: DcmjsDict, tag: string, vr: string, values: unknown[]): void {
  // A fresh object drops dcmjs's _rawValue, which it would otherwise prefer when writing.
  dict[tag] = { vr, Value: values };
}

function firstString(dict: DcmjsDict, tag: string): string | undefined {
  const value = dict[tag]?.Value?.[0];
  return typeof value === 'string' ? value.trim() : undefined;
}

function checkInputs(slice: DicomSlice, stegoPixels: Int32Array, options: WriteStegoOptions): void {
  const { image } = slice;
  if (!(stegoPixels instanceof Int32Array) || stegoPixels.length !== image.rows * image.cols) {
    throw new MedstegoError('DICOM_WRITE_FAILED', 'Stego pixels must be an Int32Array of Rows x Columns stored values', {
      length: stegoPixels?.length ?? null,
      expected: image.rows * image.cols,
    });
  }
  if (slice.numberOfFrames !== 1) {
    throw new MedstegoError('DICOM_MULTIFRAME', 'Only single-frame slices can be written', { numberOfFrames: slice.numberOfFrames });
  }
  const description = options.derivationDescription;
  if (typeof description !== 'string' || description.trim() === '' || description.length > MAX_ST_LENGTH || /[\\\0]/.test(description)) {
    throw new MedstegoError('DICOM_WRITE_FAILED', `Derivation Description must be 1..${MAX_ST_LENGTH} characters without backslash or NUL`);
  }
  for (const uid of [options.newSopInstanceUid, options.newSeriesInstanceUid]) {
    if (uid !== undefined && !/^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/.test(uid)) {
      throw new MedstegoError('DICOM_WRITE_FAILED', 'A given UID is not a valid DICOM UID (PS3.5 9.1)');
    }
    if (uid !== undefined && uid.length > 64) {
      throw new MedstegoError('DICOM_WRITE_FAILED', 'A given UID is longer than 64 characters');
    }
  }
}

/** Image Type value 1 becomes DERIVED; the other values stay (PS3.3 C.7.6.1.1.2). */
function derivedImageType(dict: DcmjsDict): string[] {
  const current = (dict[TAG.imageType]?.Value ?? []).map((value) => (typeof value === 'string' ? value.trim() : ''));
  // Value 2 (PRIMARY/SECONDARY) is required wherever Image Type is: supply it when missing.
  if (current.length < 2) return ['DERIVED', 'SECONDARY'];
  return ['DERIVED', ...current.slice(1)];
}

export function writeStegoDicom(slice: DicomSlice, stegoPixels: Int32Array, options: WriteStegoOptions): Uint8Array {
  checkInputs(slice, stegoPixels, options);
  const { image } = slice;
  const pixelBytes = encodeStoredValues(stegoPixels, slice.bitsAllocated, image.minStored, image.maxStored);

  const dicomDict = readDcmjsDict(slice.sourceBytes);
  const { meta, dict } = dicomDict;
  const { deidentification } = options;
  const sopInstanceUid = options.newSopInstanceUid ?? generateUid();
  const seriesInstanceUid = options.newSeriesInstanceUid ?? deidentification?.seriesInstanceUid ?? generateUid();

  if (slice.transferSyntaxUid === EXPLICIT_VR_BIG_ENDIAN) swapBigEndianWords(dict);
  restoreUnknownVrElements(dict, parseDicomBytes(slice.sourceBytes));
  // Before the writer's own changes, so the attributes it sets below are not touched by the profile.
  if (deidentification) deidentifyDataset(dicomDict, deidentification);
  delete meta[TAG.fileMetaGroupLength];
  setElement(meta, TAG.transferSyntaxUid, 'UI', [EXPLICIT_VR_LITTLE_ENDIAN]);
  setElement(meta, TAG.mediaStorageSopInstanceUid, 'UI', [sopInstanceUid]);
  setElement(dict, TAG.sopInstanceUid, 'UI', [sopInstanceUid]);
  setElement(dict, TAG.seriesInstanceUid, 'UI', [seriesInstanceUid]);
  setElement(dict, TAG.imageType, 'CS', derivedImageType(dict));
  setElement(dict, TAG.derivationDescription, 'ST', [options.derivationDescription]);

  // Group lengths (retired) would be stale once Pixel Data changes size; the offset tables only
  // describe encapsulated data, which the output no longer has.
  for (const tag of Object.keys(dict)) {
    if (tag.endsWith('0000')) delete dict[tag];
  }
  delete dict[TAG.extendedOffsetTable];
  delete dict[TAG.extendedOffsetTableLengths];

  // Lossy Image Compression keeps its value; a lossy source that never said so gets it recorded,
  // because the decoded pixels written here have been through that compression (C.7.6.1.1.5).
  if (slice.sourceWasLossy && firstString(dict, TAG.lossyImageCompression) !== '01') {
    setElement(dict, TAG.lossyImageCompression, 'CS', ['01']);
    const method = LOSSY_METHOD[slice.transferSyntaxUid];
    if (method && !dict[TAG.lossyImageCompressionMethod]) setElement(dict, TAG.lossyImageCompressionMethod, 'CS', [method]);
  }

  const pixelBuffer = pixelBytes.buffer.slice(pixelBytes.byteOffset, pixelBytes.byteOffset + pixelBytes.byteLength) as ArrayBuffer;
  setElement(dict, TAG.pixelData, slice.bitsAllocated === 8 ? 'OB' : 'OW', [pixelBuffer]);

  let written: ArrayBuffer;
  try {
    // allowInvalidVRLength: legacy sources hold values longer than their VR allows; keep them as they are.
    written = withDcmjsSilenced(() => dicomDict.write({ allowInvalidVRLength: true }));
  } catch (thrown) {
    throw wrapThrown(thrown, 'DICOM_WRITE_FAILED', 'dcmjs could not serialise the stego data set');
  }
  const output = new Uint8Array(written);
  if (deidentification) {
    const leaked = findLeakedUids(output, deidentification);
    if (leaked.length > 0) {
      throw new MedstegoError('DEIDENTIFY_FAILED', `${leaked.length} original UID(s) would remain in the de-identified file; nothing was written.`, { count: leaked.length });
    }
  }
  return output;
}


/**
 * Shared helpers for the DICOM tests and the corpus test: listing sample files and the round-trip
 * check (read -> writeStegoDicom with the same pixels -> read again), which compares every
 * attribute of input and output through dcmjs except the ones the writer is meant to change.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicom, writeStegoDicom, type DicomSlice } from '../../src/dicom/index.ts';
import { dcmjs, withDcmjsSilenced, type DcmjsDict } from '../../src/dicom/dcmjsModule.ts';
import type { FormatExpectation } from './formatExpectations.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

/** Every regular file under `dir`, as paths relative to it with '/' separators, sorted. */
export function listFilesRecursively(dir: string): string[] {
  const found: string[] = [];
  const visit = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) visit(full);
      else found.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  visit(dir);
  return found.sort();
}

export function readBytes(file: string): Uint8Array {
  const buffer = readFileSync(file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Call `action` and return the MedstegoError code it throws (fails if it does not throw). */
export async function thrownCode(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    assert.equal(typeof code, 'string', `expected a MedstegoError, got ${String(error)}`);
    return code as string;
  }
  assert.fail('expected an error, none was thrown');
}

interface ParsedForComparison {
  meta: Record<string, unknown>;
  dataset: Record<string, unknown>;
}

const LOSSY_BOOKKEEPING = ['LossyImageCompression', 'LossyImageCompressionMethod'];

function parseForComparison(bytes: Uint8Array, dropBookkeeping: boolean): ParsedForComparison {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withDcmjsSilenced(() => {
    const dicomDict = dcmjs.data.DicomMessage.readFile(buffer);
    const dict: DcmjsDict = { ...dicomDict.dict };
    if (dropBookkeeping) {
      // Retired group lengths and the extended offset table describe the old encoding only.
      for (const tag of Object.keys(dict)) {
        if (tag.endsWith('0000') || tag === '7FE00001' || tag === '7FE00002') delete dict[tag];
      }
    }
    return {
      meta: dcmjs.data.DicomMetaDictionary.naturalizeDataset(dicomDict.meta),
      dataset: dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict),
    };
  });
}

function without(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  // dcmjs records the VR of binary attributes it naturalized; Pixel Data's VR is re-chosen (OB/OW).
  if (copy._vrMap && typeof copy._vrMap === 'object') copy._vrMap = without(copy._vrMap as Record<string, unknown>, keys);
  return copy;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Round-trip one readable file and check pixels and attributes. Returns the slice that was read,
 * so callers can add checks of their own.
 */
export async function assertRoundTrip(bytes: Uint8Array): Promise<DicomSlice> {
  const slice = await readDicom(bytes);
  const options = {
    derivationDescription: 'medstego test round trip',
    newSopInstanceUid: '2.25.1111',
    newSeriesInstanceUid: '2.25.2222',
  };
  const written = writeStegoDicom(slice, slice.image.pixels, options);
  const reread = await readDicom(written);

  assert.equal(reread.transferSyntaxUid, '1.2.840.10008.1.2.1');
  assert.deepEqual(reread.image, slice.image, 'pixels and pixel description survive the round trip');
  assert.equal(reread.sopInstanceUid, options.newSopInstanceUid);
  assert.equal(reread.seriesInstanceUid, options.newSeriesInstanceUid);
  assert.equal(reread.studyInstanceUid, slice.studyInstanceUid);
  assert.equal(reread.numberOfFrames, 1);
  assert.equal(reread.bitsAllocated, slice.bitsAllocated);

  const before = parseForComparison(bytes, true);
  const after = parseForComparison(written, false);

  assert.equal(after.meta.TransferSyntaxUID, '1.2.840.10008.1.2.1');
  assert.equal(after.meta.MediaStorageSOPInstanceUID, options.newSopInstanceUid);
  const metaChanges = ['TransferSyntaxUID', 'MediaStorageSOPInstanceUID', 'FileMetaInformationGroupLength'];
  assert.deepStrictEqual(without(after.meta, metaChanges), without(before.meta, metaChanges), 'file meta information is kept');

  const imageTypeBefore = asArray(before.dataset.ImageType);
  const imageTypeAfter = asArray(after.dataset.ImageType);
  assert.equal(imageTypeAfter[0], 'DERIVED');
  if (imageTypeBefore.length >= 2) assert.deepStrictEqual(imageTypeAfter.slice(1), imageTypeBefore.slice(1));
  else assert.deepStrictEqual(imageTypeAfter, ['DERIVED', 'SECONDARY']);
  assert.equal(after.dataset.DerivationDescription, options.derivationDescription);
  assert.equal(after.dataset.SOPInstanceUID, options.newSopInstanceUid);
  assert.equal(after.dataset.SeriesInstanceUID, options.newSeriesInstanceUid);
  if (slice.sourceWasLossy) assert.equal(after.dataset.LossyImageCompression, '01');
  else assert.equal(after.dataset.LossyImageCompression, before.dataset.LossyImageCompression);

  const changed = ['PixelData', 'SOPInstanceUID', 'SeriesInstanceUID', 'ImageType', 'DerivationDescription'];
  const bookkeeping = slice.sourceWasLossy ? [...changed, ...LOSSY_BOOKKEEPING] : changed;
  assert.deepStrictEqual(without(after.dataset, bookkeeping), without(before.dataset, bookkeeping), 'every other attribute is kept');
  return slice;
}

/** Check one file against its expected outcome: a full round trip, or refusal with the code at the stage named. */
export async function assertExpectedOutcome(bytes: Uint8Array, expected: FormatExpectation): Promise<void> {
  if (expected === 'processed') {
    await assertRoundTrip(bytes);
  } else if (expected.stage === 'read') {
    assert.equal(await thrownCode(() => readDicom(bytes)), expected.code);
  } else {
    const slice = await readDicom(bytes);
    assert.equal(await thrownCode(() => writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego test' })), expected.code);
  }
}

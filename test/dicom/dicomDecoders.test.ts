/**
 * Unit tests of the small pieces under the reader: stored-value conversion, the RLE decoder,
 * big-endian word swapping for the writer, and header strings with character sets.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readDicom, writeStegoDicom } from '../../src/dicom/index.ts';
import { dcmjs, withDcmjsSilenced, type DcmjsDict } from '../../src/dicom/dcmjsModule.ts';
import { decodeRleFrame } from '../../src/dicom/decodeRleFrame.ts';
import type { PixelModule } from '../../src/dicom/readPixelModule.ts';
import { swapBigEndianWords } from '../../src/dicom/swapBigEndianWords.ts';
import { toStoredValues } from '../../src/dicom/toStoredValues.ts';
import { fixturesDir, readBytes, thrownCode } from './dicomTestSupport.ts';

const MR_SMALL = path.join(fixturesDir, 'formats', 'pydicom-testfiles', 'MR_small.dcm');

function pixelModule(rows: number, cols: number, bitsAllocated: number): PixelModule {
  return {
    rows,
    cols,
    bitsAllocated,
    bitsStored: bitsAllocated,
    highBit: bitsAllocated - 1,
    pixelRepresentation: 0,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
    numberOfFrames: 1,
  };
}

/** An RLE frame (PS3.5 G.3) from already PackBits-coded segments. */
function rleFrame(segments: number[][]): Uint8Array {
  const header = new Uint8Array(64);
  const view = new DataView(header.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((segment, index) => {
    view.setUint32(4 + 4 * index, offset, true);
    offset += segment.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

describe('toStoredValues', () => {
  it('masks unsigned values to Bits Stored (drops overlay bits above)', () => {
    assert.deepEqual([...toStoredValues(Uint16Array.from([0x0fff, 0xf123, 0x8000]), 12, 0)], [0x0fff, 0x0123, 0]);
  });

  it('sign-extends two\'s complement values of Bits Stored', () => {
    assert.deepEqual([...toStoredValues(Uint16Array.from([0x0fff, 0x0800, 0x07ff, 0xffff]), 12, 1)], [-1, -2048, 2047, -1]);
    assert.deepEqual([...toStoredValues(Int16Array.from([-5, 300]), 16, 1)], [-5, 300]);
    // A codec that hands back a signed array for an unsigned header still gives stored values.
    assert.deepEqual([...toStoredValues(Int16Array.from([-1]), 16, 0)], [65535]);
    assert.deepEqual([...toStoredValues(Uint8Array.from([0x80, 0x7f]), 8, 1)], [-128, 127]);
  });
});

describe('decodeRleFrame (PS3.5 Annex G)', () => {
  it('decodes literal and replicate runs of an 8-bit frame', () => {
    // literal 3 bytes (header 2), replicate 0x09 five times (header -4 = 252), no-op (128), literal 1 byte.
    const frame = rleFrame([[2, 1, 2, 3, 252, 9, 128, 0, 7]]);
    assert.deepEqual([...decodeRleFrame(frame, pixelModule(3, 3, 8))], [1, 2, 3, 9, 9, 9, 9, 9, 7]);
  });

  it('joins high and low byte segments of a 16-bit frame', () => {
    const frame = rleFrame([
      [1, 0x12, 0xff],
      [1, 0x34, 0x01],
    ]);
    assert.deepEqual([...decodeRleFrame(frame, pixelModule(1, 2, 16))], [0x1234, 0xff01]);
  });

  it('refuses a short segment, a wrong segment count and a frame shorter than its header', async () => {
    assert.equal(await thrownCode(() => decodeRleFrame(rleFrame([[0, 1]]), pixelModule(2, 2, 8))), 'DICOM_DECODE_FAILED');
    assert.equal(await thrownCode(() => decodeRleFrame(rleFrame([[0, 1]]), pixelModule(1, 1, 16))), 'DICOM_DECODE_FAILED');
    assert.equal(await thrownCode(() => decodeRleFrame(new Uint8Array(10), pixelModule(1, 1, 8))), 'DICOM_DECODE_FAILED');
  });
});

describe('swapBigEndianWords', () => {
  it('swaps OW/OF/OD words at any depth and leaves Pixel Data and byte VRs alone', () => {
    const word = (...bytes: number[]): ArrayBuffer => Uint8Array.from(bytes).buffer;
    const dict: DcmjsDict = {
      '00283006': { vr: 'OW', Value: [word(1, 2, 3, 4)] },
      '00660016': { vr: 'OF', Value: [word(1, 2, 3, 4)] },
      '00091001': { vr: 'OB', Value: [word(1, 2, 3, 4)] },
      '7FE00010': { vr: 'OW', Value: [word(1, 2, 3, 4)] },
      '00283010': { vr: 'SQ', Value: [{ '00283006': { vr: 'OW', Value: [word(5, 6)] } }] },
    };
    swapBigEndianWords(dict);
    const bytesOf = (value: unknown): number[] => [...new Uint8Array(value as ArrayBuffer)];
    assert.deepEqual(bytesOf(dict['00283006']!.Value[0]), [2, 1, 4, 3]);
    assert.deepEqual(bytesOf(dict['00660016']!.Value[0]), [4, 3, 2, 1]);
    assert.deepEqual(bytesOf(dict['00091001']!.Value[0]), [1, 2, 3, 4]);
    assert.deepEqual(bytesOf(dict['7FE00010']!.Value[0]), [1, 2, 3, 4]);
    const nested = (dict['00283010']!.Value[0] as DcmjsDict)['00283006']!;
    assert.deepEqual(bytesOf(nested.Value[0]), [6, 5]);
  });
});

describe('readDicom input views', () => {
  it('reads bytes that sit at an odd offset inside a larger buffer, and writes from them', async () => {
    for (const file of [
      path.join(fixturesDir, 'ct', 'tcga-thca-1-101.dcm'),
      path.join(fixturesDir, 'formats', 'cornerstone-wado-loader', 'CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm'),
      path.join(fixturesDir, 'formats', 'cornerstone-wado-loader', 'CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm'),
    ]) {
      const bytes = readBytes(file);
      const padded = new Uint8Array(bytes.length + 3);
      padded.set(bytes, 1);
      const view = padded.subarray(1, 1 + bytes.length);
      const fromView = await readDicom(view);
      assert.deepEqual(fromView.image.pixels, (await readDicom(bytes.slice())).image.pixels);
      const written = writeStegoDicom(fromView, fromView.image.pixels, { derivationDescription: 'medstego test' });
      assert.deepEqual((await readDicom(written)).image.pixels, fromView.image.pixels);
    }
  });
});

describe('DicomSlice.getString', () => {
  it('returns trimmed header values by keyword, undefined when absent or empty', async () => {
    const slice = await readDicom(readBytes(path.join(fixturesDir, 'ct', 'tcga-thca-1-101.dcm')));
    for (const keyword of ['PatientName', 'PatientID', 'StudyInstanceUID', 'SeriesInstanceUID', 'SOPInstanceUID', 'Modality']) {
      const value = slice.getString(keyword);
      assert.equal(typeof value, 'string', keyword);
      assert.equal(value, value!.trim());
      assert.ok(!value!.includes('\0'));
    }
    assert.equal(slice.getString('SOPInstanceUID'), slice.sopInstanceUid);
    assert.equal(slice.getString('Modality'), 'CT');
    assert.equal(slice.image.modality, 'CT');
    assert.equal(slice.getString('NotAKeyword'), undefined);
    assert.equal(slice.getString('Rows'), undefined, 'binary VRs are not strings');
    assert.equal(slice.getString('00100020'), slice.getString('PatientID'));
  });

  it('decodes UTF-8 (ISO_IR 192) and Latin-1 (ISO_IR 100) names', async () => {
    const utf8 = withDcmjsSilenced(() => {
      const bytes = readBytes(MR_SMALL);
      const dicomDict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      dicomDict.dict['00080005'] = { vr: 'CS', Value: ['ISO_IR 192'] };
      dicomDict.dict['00100010'] = { vr: 'PN', Value: [{ Alphabetic: 'Wang^XiaoDong=王^小東' }] };
      return new Uint8Array(dicomDict.write());
    });
    assert.equal((await readDicom(utf8)).getString('PatientName'), 'Wang^XiaoDong=王^小東');

    // dcmjs always writes UTF-8, so write an ASCII placeholder and patch its bytes to Latin-1.
    const placeholder = 'PLACEHOLDER^NAME';
    const latin1 = withDcmjsSilenced(() => {
      const bytes = readBytes(MR_SMALL);
      const dicomDict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      dicomDict.dict['00080005'] = { vr: 'CS', Value: ['ISO_IR 100'] };
      dicomDict.dict['00100010'] = { vr: 'PN', Value: [{ Alphabetic: placeholder }] };
      return new Uint8Array(dicomDict.write());
    });
    const at = Buffer.from(latin1).indexOf(placeholder);
    assert.ok(at > 0);
    latin1.set(Uint8Array.from([...'M\u00fcller^J\u00fcrgen   '].map((c) => c.charCodeAt(0))), at);
    assert.equal((await readDicom(latin1)).getString('PatientName'), 'M\u00fcller^J\u00fcrgen');
  });

  it('reads rescale, padding and photometric of a signed CT with Pixel Padding Value', async () => {
    const slice = await readDicom(readBytes(path.join(fixturesDir, 'formats', 'cornerstone-wado-loader', 'CT1_J2KR')));
    assert.equal(slice.image.pixelRepresentation, 1);
    assert.equal(slice.image.rescaleSlope, 1);
    assert.equal(slice.image.rescaleIntercept, -1024);
    assert.equal(slice.image.pixelPaddingValue, -2000);
    assert.equal(slice.image.photometricInterpretation, 'MONOCHROME2');
    assert.equal(slice.image.minStored, -32768);
    assert.equal(slice.image.maxStored, 32767);
    const mr = await readDicom(readBytes(MR_SMALL));
    assert.equal(mr.image.rescaleSlope, 1, 'default slope');
    assert.equal(mr.image.rescaleIntercept, 0, 'default intercept');
    assert.equal(mr.image.pixelPaddingValue, undefined);
  });
});

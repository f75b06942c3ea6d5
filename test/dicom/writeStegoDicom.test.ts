/**
 * The writer: exact round trips on the real CT/MR slices, the intended header changes, and the
 * refusals (values out of range, wrong pixel count, bad options).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generateUid, readDicom, writeStegoDicom } from '../../src/dicom/index.ts';
import { dcmjs, withDcmjsSilenced } from '../../src/dicom/dcmjsModule.ts';
import { assertRoundTrip, fixturesDir, listFilesRecursively, readBytes, thrownCode } from './dicomTestSupport.ts';

const SLICE_DIRS = ['ct', 'mr'];
const CT_SLICE = path.join(fixturesDir, 'ct', 'tcga-thca-1-101.dcm');
const MR_SMALL = path.join(fixturesDir, 'formats', 'pydicom-testfiles', 'MR_small.dcm');

function naturalizedDataset(bytes: Uint8Array): Record<string, unknown> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withDcmjsSilenced(() => dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(buffer).dict));
}

/** A copy of a sample file with its data set edited through dcmjs (test-only file surgery). */
function editedSample(file: string, edit: (dict: Record<string, { vr: string; Value: unknown[] }>) => void): Uint8Array {
  const bytes = readBytes(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withDcmjsSilenced(() => {
    const dicomDict = dcmjs.data.DicomMessage.readFile(buffer);
    edit(dicomDict.dict);
    return new Uint8Array(dicomDict.write({ allowInvalidVRLength: true }));
  });
}

describe('writeStegoDicom round trip on real slices', () => {
  for (const dir of SLICE_DIRS) {
    for (const file of listFilesRecursively(path.join(fixturesDir, dir))) {
      it(`${dir}/${file}`, async () => {
        await assertRoundTrip(readBytes(path.join(fixturesDir, dir, file)));
      });
    }
  }
});

describe('writeStegoDicom output', () => {
  it('writes changed pixels and generates fresh, distinct UIDs when none are given', async () => {
    const slice = await readDicom(readBytes(CT_SLICE));
    const stego = slice.image.pixels.slice();
    stego[0] = slice.image.maxStored;
    stego[stego.length - 1] = slice.image.minStored;
    stego[1000] += stego[1000]! < slice.image.maxStored ? 1 : -1;
    const written = writeStegoDicom(slice, stego, { derivationDescription: 'medstego 0.1.0 fidelity profile' });
    const reread = await readDicom(written);
    assert.deepEqual(reread.image.pixels, stego);
    assert.notEqual(reread.sopInstanceUid, slice.sopInstanceUid);
    assert.notEqual(reread.seriesInstanceUid, slice.seriesInstanceUid);
    assert.notEqual(reread.sopInstanceUid, reread.seriesInstanceUid);
    assert.match(reread.sopInstanceUid, /^2\.25\.\d+$/);
    assert.equal(reread.getString('DerivationDescription'), 'medstego 0.1.0 fidelity profile');
    assert.equal(reread.getString('MediaStorageSOPInstanceUID'), reread.sopInstanceUid);
    assert.equal(written.length % 2, 0);
  });

  it('keeps the source Bits Allocated and writes Pixel Data with an even length', async () => {
    const slice = await readDicom(readBytes(path.join(fixturesDir, 'formats', 'cornerstone-wado-loader', 'CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm')));
    const written = writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego test' });
    const dataset = naturalizedDataset(written);
    assert.equal(dataset.BitsAllocated, 8);
    const pixelData = (dataset.PixelData as ArrayBuffer[])[0]!;
    assert.equal(pixelData.byteLength, 512 * 512);
    assert.equal((dataset._vrMap as Record<string, string>).PixelData, 'OB');
  });

  it('writes signed values as two\'s complement words', async () => {
    const slice = await readDicom(readBytes(MR_SMALL));
    assert.equal(slice.image.pixelRepresentation, 1);
    const stego = slice.image.pixels.slice();
    stego[0] = -5;
    const written = writeStegoDicom(slice, stego, { derivationDescription: 'medstego test' });
    const pixelData = (naturalizedDataset(written).PixelData as ArrayBuffer[])[0]!;
    assert.equal(new DataView(pixelData).getInt16(0, true), -5);
    assert.equal((await readDicom(written)).image.pixels[0], -5);
  });

  it('creates Image Type DERIVED\\SECONDARY when the source has none', async () => {
    const bytes = editedSample(MR_SMALL, (dict) => {
      delete dict['00080008'];
    });
    const written = writeStegoDicom(await readDicom(bytes), (await readDicom(bytes)).image.pixels, { derivationDescription: 'medstego test' });
    assert.deepEqual(naturalizedDataset(written).ImageType, ['DERIVED', 'SECONDARY']);
  });

  it('keeps Lossy Image Compression of a lossless source as it was', async () => {
    const bytes = editedSample(MR_SMALL, (dict) => {
      dict['00282110'] = { vr: 'CS', Value: ['01'] };
    });
    const slice = await readDicom(bytes);
    const written = writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego test' });
    assert.equal(naturalizedDataset(written).LossyImageCompression, '01');
  });

  it('records lossy compression of a lossy source that did not say so', async () => {
    const file = path.join(fixturesDir, 'formats', 'cornerstone-wado-loader', 'CTImage.dcm_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm');
    const slice = await readDicom(readBytes(file));
    const dataset = naturalizedDataset(writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego test' }));
    assert.equal(dataset.LossyImageCompression, '01');
  });
});

describe('writeStegoDicom refusals', () => {
  it('refuses a value above the Bits Stored range', async () => {
    const slice = await readDicom(readBytes(CT_SLICE));
    const stego = slice.image.pixels.slice();
    stego[7] = slice.image.maxStored + 1;
    assert.equal(await thrownCode(() => writeStegoDicom(slice, stego, { derivationDescription: 'x' })), 'DICOM_WRITE_FAILED');
  });

  it('refuses a value below the Bits Stored range (signed)', async () => {
    const slice = await readDicom(readBytes(MR_SMALL));
    const stego = slice.image.pixels.slice();
    stego[3] = slice.image.minStored - 1;
    assert.equal(await thrownCode(() => writeStegoDicom(slice, stego, { derivationDescription: 'x' })), 'DICOM_WRITE_FAILED');
  });

  it('refuses a negative value in an unsigned image', async () => {
    const slice = await readDicom(readBytes(CT_SLICE));
    const stego = slice.image.pixels.slice();
    stego[0] = -1;
    assert.equal(await thrownCode(() => writeStegoDicom(slice, stego, { derivationDescription: 'x' })), 'DICOM_WRITE_FAILED');
  });

  it('refuses the wrong number of pixels', async () => {
    const slice = await readDicom(readBytes(MR_SMALL));
    assert.equal(await thrownCode(() => writeStegoDicom(slice, new Int32Array(10), { derivationDescription: 'x' })), 'DICOM_WRITE_FAILED');
  });

  it('refuses an empty or malformed Derivation Description and invalid UIDs', async () => {
    const slice = await readDicom(readBytes(MR_SMALL));
    const pixels = slice.image.pixels;
    assert.equal(await thrownCode(() => writeStegoDicom(slice, pixels, { derivationDescription: '' })), 'DICOM_WRITE_FAILED');
    assert.equal(await thrownCode(() => writeStegoDicom(slice, pixels, { derivationDescription: 'a\\b' })), 'DICOM_WRITE_FAILED');
    assert.equal(await thrownCode(() => writeStegoDicom(slice, pixels, { derivationDescription: 'x', newSopInstanceUid: '1.02.3' })), 'DICOM_WRITE_FAILED');
    assert.equal(await thrownCode(() => writeStegoDicom(slice, pixels, { derivationDescription: 'x', newSeriesInstanceUid: `1.${'2'.repeat(70)}` })), 'DICOM_WRITE_FAILED');
  });
});

describe('generateUid', () => {
  it('makes distinct 2.25 UIDs of at most 64 characters from a version 4 UUID', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const uid = generateUid();
      assert.match(uid, /^2\.25\.[1-9]\d*$/);
      assert.ok(uid.length <= 64);
      const hex = BigInt(uid.slice(5)).toString(16).padStart(32, '0');
      assert.equal(hex[12], '4', 'UUID version 4');
      assert.ok('89ab'.includes(hex[16]!), 'RFC 9562 variant');
      seen.add(uid);
    }
    assert.equal(seen.size, 200);
  });
});

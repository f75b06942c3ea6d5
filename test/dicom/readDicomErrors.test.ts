/**
 * readDicom refusals: every failure gets its precise code, including for files cut at any byte
 * and for garbage, and refusals never carry patient data in their message.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readDicom } from '../../src/dicom/index.ts';
import { dcmjs, withDcmjsSilenced } from '../../src/dicom/dcmjsModule.ts';
import { MedstegoError } from '../../src/errors/index.ts';
import { fixturesDir, readBytes, thrownCode } from './dicomTestSupport.ts';

const formats = (file: string): string => path.join(fixturesDir, 'formats', file);
const MR_SMALL = formats('pydicom-testfiles/MR_small.dcm');

type EditableDict = Record<string, { vr: string; Value: unknown[] }>;

/** A copy of a sample file with its data set (and meta) edited through dcmjs. */
function editedSample(file: string, edit: (dict: EditableDict, meta: EditableDict) => void): Uint8Array {
  const bytes = readBytes(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withDcmjsSilenced(() => {
    const dicomDict = dcmjs.data.DicomMessage.readFile(buffer);
    edit(dicomDict.dict, dicomDict.meta);
    return new Uint8Array(dicomDict.write({ allowInvalidVRLength: true }));
  });
}

/** Deterministic pseudo-random bytes (a fixed LCG, so failures reproduce). */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = (state >> 16) & 0xff;
  }
  return bytes;
}

describe('readDicom refuses what is not a DICOM file', () => {
  it('empty input, text, zeros and random bytes: DICOM_NOT_DICOM', async () => {
    assert.equal(await thrownCode(() => readDicom(new Uint8Array(0))), 'DICOM_NOT_DICOM');
    assert.equal(await thrownCode(() => readDicom(new TextEncoder().encode('not a dicom file\n'.repeat(20)))), 'DICOM_NOT_DICOM');
    assert.equal(await thrownCode(() => readDicom(new Uint8Array(4096))), 'DICOM_NOT_DICOM');
    assert.equal(await thrownCode(() => readDicom(pseudoRandomBytes(4096, 7))), 'DICOM_NOT_DICOM');
  });

  it('a data set without a preamble (raw, not Part 10): DICOM_NOT_DICOM', async () => {
    assert.equal(await thrownCode(() => readDicom(readBytes(MR_SMALL).subarray(132))), 'DICOM_NOT_DICOM');
  });

  it('garbage after a valid file meta header: DICOM_CORRUPT', async () => {
    const bytes = readBytes(MR_SMALL).slice();
    const metaEnd = 144 + new DataView(bytes.buffer, bytes.byteOffset + 140, 4).getUint32(0, true);
    for (const seed of [1, 2, 3, 42, 1234]) {
      const garbage = bytes.slice();
      garbage.set(pseudoRandomBytes(garbage.length - metaEnd, seed), metaEnd);
      assert.equal(await thrownCode(() => readDicom(garbage)), 'DICOM_CORRUPT', `seed ${seed}`);
    }
  });
});

describe('readDicom refuses truncated files', () => {
  it('MR_truncated.dcm: DICOM_TRUNCATED', async () => {
    assert.equal(await thrownCode(() => readDicom(readBytes(formats('pydicom-testfiles/MR_truncated.dcm')))), 'DICOM_TRUNCATED');
  });

  const samples = [
    'pydicom-testfiles/MR_small.dcm',
    'pydicom-testfiles/MR_small_implicit.dcm',
    'pydicom-testfiles/MR_small_bigendian.dcm',
    'pydicom-testfiles/MR_small_RLE.dcm',
    'pydicom-testfiles/MR_small_jpeg_ls_lossless.dcm',
    'pydicom-testfiles/MR_small_jp2klossless.dcm',
    'cornerstone-wado-loader/CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm',
    'cornerstone-wado-loader/CTImage.dcm_JPEGProcess14TransferSyntax_1.2.840.10008.1.2.4.57.dcm',
  ];
  for (const sample of samples) {
    it(`${sample} cut at 150 places: DICOM_TRUNCATED (or NO_PIXEL_DATA when cut right before Pixel Data)`, async () => {
      const bytes = readBytes(formats(sample));
      const counts = new Map<string, number>();
      for (let cut = 144; cut < bytes.length; cut += Math.max(1, Math.floor((bytes.length - 144) / 150))) {
        const code = await thrownCode(() => readDicom(bytes.subarray(0, cut)));
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      const unexpected = [...counts.keys()].filter((code) => code !== 'DICOM_TRUNCATED' && code !== 'DICOM_NO_PIXEL_DATA');
      assert.deepEqual(unexpected, [], `codes seen: ${JSON.stringify(Object.fromEntries(counts))}`);
      assert.ok((counts.get('DICOM_TRUNCATED') ?? 0) >= 140);
    });
  }

  it('encapsulated Pixel Data missing its sequence delimiter: DICOM_TRUNCATED', async () => {
    for (const sample of ['pydicom-testfiles/MR_small_RLE.dcm', 'pydicom-testfiles/MR_small_jp2klossless.dcm']) {
      const bytes = readBytes(formats(sample));
      // (FFFE,E0DD) with zero length, little endian, ends the fragments.
      const delimiter = Buffer.from([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]);
      const at = Buffer.from(bytes).lastIndexOf(delimiter);
      assert.ok(at > 0, 'sample has a sequence delimiter');
      assert.equal(await thrownCode(() => readDicom(bytes.subarray(0, at))), 'DICOM_TRUNCATED', sample);
    }
  });

  it('a cut inside the file meta information: DICOM_TRUNCATED', async () => {
    const bytes = readBytes(MR_SMALL);
    for (const cut of [132, 140, 150, 200, 300]) {
      assert.equal(await thrownCode(() => readDicom(bytes.subarray(0, cut))), 'DICOM_TRUNCATED', `cut at ${cut}`);
    }
  });
});

describe('readDicom refuses images it cannot carry a payload in', () => {
  it('no Pixel Data: DICOM_NO_PIXEL_DATA', async () => {
    const bytes = editedSample(MR_SMALL, (dict) => {
      delete dict['7FE00010'];
    });
    assert.equal(await thrownCode(() => readDicom(bytes)), 'DICOM_NO_PIXEL_DATA');
  });

  it('RGB, three samples per pixel: DICOM_UNSUPPORTED_PHOTOMETRIC', async () => {
    const bytes = editedSample(MR_SMALL, (dict) => {
      dict['00280002'] = { vr: 'US', Value: [3] };
      dict['00280004'] = { vr: 'CS', Value: ['RGB'] };
      dict['00280006'] = { vr: 'US', Value: [0] };
    });
    assert.equal(await thrownCode(() => readDicom(bytes)), 'DICOM_UNSUPPORTED_PHOTOMETRIC');
  });

  it('PALETTE COLOR with one sample: DICOM_UNSUPPORTED_PHOTOMETRIC', async () => {
    const bytes = editedSample(MR_SMALL, (dict) => {
      dict['00280004'] = { vr: 'CS', Value: ['PALETTE COLOR'] };
    });
    assert.equal(await thrownCode(() => readDicom(bytes)), 'DICOM_UNSUPPORTED_PHOTOMETRIC');
  });

  it('multi-frame: DICOM_MULTIFRAME', async () => {
    const error = await readDicom(readBytes(formats('pydicom-data/emri_small.dcm'))).catch((thrown: unknown) => thrown);
    assert.ok(error instanceof MedstegoError);
    assert.equal(error.code, 'DICOM_MULTIFRAME');
    assert.equal(error.details.numberOfFrames, 10);
  });

  it('Bits Allocated 32 or a High Bit that is not Bits Stored - 1: DICOM_UNSUPPORTED_PIXEL_FORMAT', async () => {
    const bits32 = editedSample(MR_SMALL, (dict) => {
      dict['00280100'] = { vr: 'US', Value: [32] };
    });
    assert.equal(await thrownCode(() => readDicom(bits32)), 'DICOM_UNSUPPORTED_PIXEL_FORMAT');
    const highBit = editedSample(MR_SMALL, (dict) => {
      dict['00280101'] = { vr: 'US', Value: [12] };
      dict['00280102'] = { vr: 'US', Value: [15] };
    });
    assert.equal(await thrownCode(() => readDicom(highBit)), 'DICOM_UNSUPPORTED_PIXEL_FORMAT');
  });

  it('Pixel Data shorter than the image: DICOM_TRUNCATED', async () => {
    const bytes = editedSample(MR_SMALL, (dict) => {
      dict['00280010'] = { vr: 'US', Value: [128] };
    });
    assert.equal(await thrownCode(() => readDicom(bytes)), 'DICOM_TRUNCATED');
  });

  it('an unknown transfer syntax: DICOM_UNSUPPORTED_TRANSFER_SYNTAX', async () => {
    const bytes = editedSample(MR_SMALL, (_dict, meta) => {
      meta['00020010'] = { vr: 'UI', Value: ['1.2.840.10008.1.2.4.201'] };
    });
    assert.equal(await thrownCode(() => readDicom(bytes)), 'DICOM_UNSUPPORTED_TRANSFER_SYNTAX');
  });

  it('12-bit lossy JPEG names the transfer syntax and the reason', async () => {
    const file = formats('cornerstone-wado-loader/CTImage.dcm_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm');
    const error = await readDicom(readBytes(file)).catch((thrown: unknown) => thrown);
    assert.ok(error instanceof MedstegoError);
    assert.equal(error.code, 'DICOM_UNSUPPORTED_TRANSFER_SYNTAX');
    assert.equal(error.details.transferSyntaxUid, '1.2.840.10008.1.2.4.51');
  });

  it('a damaged JPEG-LS codestream: DICOM_DECODE_FAILED', async () => {
    const bytes = readBytes(formats('pydicom-testfiles/MR_small_jpeg_ls_lossless.dcm')).slice();
    // Overwrite the middle of the only fragment (the scan data) with a marker-looking pattern.
    const tail = bytes.length - 2000;
    bytes.fill(0xff, tail, tail + 600);
    assert.equal(await thrownCode(() => readDicom(bytes)), 'DICOM_DECODE_FAILED');
  });

  it('messages carry no patient data', async () => {
    const slice = await readDicom(readBytes(MR_SMALL));
    const name = slice.getString('PatientName')!;
    const id = slice.getString('PatientID')!;
    for (const file of ['pydicom-testfiles/MR_truncated.dcm', 'pydicom-data/emri_small.dcm', 'cornerstone-wado-loader/CTImage.dcm_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm']) {
      const error = (await readDicom(readBytes(formats(file))).catch((thrown: unknown) => thrown)) as MedstegoError;
      const other = await readDicom(readBytes(MR_SMALL));
      assert.ok(!error.message.includes(name) && !error.message.includes(id));
      assert.ok(!JSON.stringify(error.details).includes(other.getString('PatientName')!));
    }
  });
});

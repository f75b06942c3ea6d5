/**
 * Decoders checked against uncompressed twins of the same image: lossless variants must match
 * exactly, frame by frame for multi-frame samples (fragment grouping, offset tables); lossy ones
 * must be close in modality units (the lossy NEMA CT variants use another rescale).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readDicom } from '../../src/dicom/index.ts';
import { readDicomFrames } from '../../src/dicom/readDicomFrames.ts';
import { fixturesDir, readBytes } from './dicomTestSupport.ts';

const formats = (file: string): string => path.join(fixturesDir, 'formats', file);

const CT_IMAGE = 'cornerstone-wado-loader/CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm';
const CT_IMAGE_VARIANT = (name: string): string => `cornerstone-wado-loader/CTImage.dcm_${name}.dcm`;
const CT1_UNC = 'dicomparser/CT1_UNC.explicit_little_endian.dcm';
const CT0012 = 'dicomparser/CT0012.explicit_little_endian.dcm';
const MR_SMALL = 'pydicom-testfiles/MR_small.dcm';
const EMRI = 'pydicom-data/emri_small.dcm';

/** [variant, uncompressed twin] pairs whose stored values must be identical. */
const LOSSLESS_TWINS: ReadonlyArray<readonly [string, string]> = [
  ['cornerstone-wado-loader/CTImage.dcm', CT_IMAGE],
  [CT_IMAGE_VARIANT('LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2'), CT_IMAGE],
  [CT_IMAGE_VARIANT('BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2'), CT_IMAGE],
  [CT_IMAGE_VARIANT('DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99'), CT_IMAGE],
  [CT_IMAGE_VARIANT('RLELosslessTransferSyntax_1.2.840.10008.1.2.5'), CT_IMAGE],
  [CT_IMAGE_VARIANT('JPEGProcess14TransferSyntax_1.2.840.10008.1.2.4.57'), CT_IMAGE],
  [CT_IMAGE_VARIANT('JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70'), CT_IMAGE],
  [CT_IMAGE_VARIANT('JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80'), CT_IMAGE],
  [CT_IMAGE_VARIANT('JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90'), CT_IMAGE],
  ['dicomparser/CT1_UNC.explicit_big_endian.dcm', CT1_UNC],
  ['dicomparser/CT1_UNC.implicit_little_endian.dcm', CT1_UNC],
  ['dicomparser/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm', CT1_UNC],
  ['dicomparser/CT1_UNC.fragmented_no_bot_jpeg_ls.80.dcm', CT1_UNC],
  ['dicomparser/CT1_UNC.not_fragmented_bot_jpeg_ls.80.dcm', CT1_UNC],
  ['dicomparser/CT1_UNC.not_fragmented_no_bot_jpeg_ls.80.dcm', CT1_UNC],
  ['cornerstone-wado-loader/CT1_J2KR', CT1_UNC],
  ['dicomparser/CT0012.fragmented_no_bot_jpeg_lossless.57.dcm', CT0012],
  ['dicomparser/CT0012.fragmented_no_bot_jpeg_lossless.70.dcm', CT0012],
  ['dicomparser/CT0012.fragmented_no_bot_jpeg_ls.80.dcm', CT0012],
  ['dicomparser/CT0012.not_fragmented_bot_jpeg_ls.80.dcm', CT0012],
  ['dicomparser/CT0012.not_fragmented_no_bot_jpeg_ls.80.dcm', CT0012],
  ['dicomparser/CT0012.not_fragmented_bot_rle.dcm', CT0012],
  ['dicomparser/CT0012.not_fragmented_no_bot_rle.dcm', CT0012],
  ['pydicom-testfiles/MR_small_implicit.dcm', MR_SMALL],
  ['pydicom-testfiles/MR_small_bigendian.dcm', MR_SMALL],
  ['pydicom-testfiles/MR_small_expb.dcm', MR_SMALL],
  ['pydicom-testfiles/MR_small_padded.dcm', MR_SMALL],
  ['pydicom-testfiles/MR_small_RLE.dcm', MR_SMALL],
  ['pydicom-testfiles/MR_small_jpeg_ls_lossless.dcm', MR_SMALL],
  ['pydicom-testfiles/MR_small_jp2klossless.dcm', MR_SMALL],
  ['pydicom-data/emri_small_big_endian.dcm', EMRI],
  ['pydicom-data/emri_small_RLE.dcm', EMRI],
  ['pydicom-data/emri_small_jpeg_ls_lossless.dcm', EMRI],
  ['pydicom-data/emri_small_jpeg_2k_lossless.dcm', EMRI],
  ['pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm', EMRI],
  ['pydicom-data/MR2_J2KR.dcm', 'pydicom-data/MR2_UNCR.dcm'],
  ['pydicom-data/693_J2KR.dcm', 'pydicom-data/693_UNCR.dcm'],
  ['highdicom/ct_image.dcm', 'pydicom-testfiles/CT_small.dcm'],
  // The *_UNCI files are the reference decodings of the irreversible J2K files: exact too.
  ['pydicom-data/MR2_J2KI.dcm', 'pydicom-data/MR2_UNCI.dcm'],
  ['pydicom-testfiles/693_J2KI.dcm', 'pydicom-data/693_UNCI.dcm'],
];

/** [lossy variant, original, largest mean absolute difference in modality units]. */
const LOSSY_TWINS: ReadonlyArray<readonly [string, string, number]> = [
  // 8-bit JPEG of a 12-bit CT: one stored step is 32 HU, so ~20 HU mean error is quantisation.
  [CT_IMAGE_VARIANT('JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50'), CT_IMAGE, 30],
  [CT_IMAGE_VARIANT('JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81'), CT_IMAGE, 1.5],
  [CT_IMAGE_VARIANT('JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91'), CT_IMAGE, 1.5],
  ['dicomparser/CT0012.fragmented_no_bot_jpeg_ls.81.dcm', CT0012, 1.5],
  ['pydicom-data/MR2_J2KI.dcm', 'pydicom-data/MR2_UNCR.dcm', 20],
];

describe('lossless variants decode to their uncompressed twin exactly', () => {
  for (const [variant, twin] of LOSSLESS_TWINS) {
    it(`${variant} = ${twin}`, async () => {
      const decoded = await readDicomFrames(readBytes(formats(variant)));
      const reference = await readDicomFrames(readBytes(formats(twin)));
      assert.equal(decoded.frames.length, reference.frames.length, 'frame count');
      decoded.frames.forEach((frame, index) => {
        assert.equal(frame.length, reference.frames[index]!.length);
        const firstDifference = frame.findIndex((value, i) => value !== reference.frames[index]![i]);
        assert.equal(firstDifference, -1, `frame ${index} differs first at pixel ${firstDifference}`);
      });
    });
  }
});

describe('lossy variants are close to the original in modality units', () => {
  for (const [variant, original, tolerance] of LOSSY_TWINS) {
    it(`${variant} ~ ${original} (mean |diff| <= ${tolerance})`, async () => {
      const lossy = await readDicomFrames(readBytes(formats(variant)));
      const reference = await readDicomFrames(readBytes(formats(original)));
      const lossySlice = lossy.frames.length === 1 ? await readDicom(readBytes(formats(variant))) : undefined;
      const referenceSlice = reference.frames.length === 1 ? await readDicom(readBytes(formats(original))) : undefined;
      const lossyRescale = lossySlice?.image ?? { rescaleSlope: 1, rescaleIntercept: 0 };
      const referenceRescale = referenceSlice?.image ?? { rescaleSlope: 1, rescaleIntercept: 0 };
      assert.equal(lossy.frames.length, reference.frames.length);
      lossy.frames.forEach((frame, index) => {
        const ref = reference.frames[index]!;
        let sum = 0;
        for (let i = 0; i < frame.length; i++) {
          const a = frame[i]! * lossyRescale.rescaleSlope + lossyRescale.rescaleIntercept;
          const b = ref[i]! * referenceRescale.rescaleSlope + referenceRescale.rescaleIntercept;
          sum += Math.abs(a - b);
        }
        const mean = sum / frame.length;
        assert.ok(mean <= tolerance, `frame ${index}: mean |diff| ${mean.toFixed(3)} > ${tolerance}`);
        assert.ok(mean > 0 || variant.includes('J2KI'), 'a lossy sample that decodes bit-exact is suspicious');
      });
    });
  }
});

describe('lossy flag', () => {
  it('is set for lossy transfer syntaxes only', async () => {
    assert.equal((await readDicom(readBytes(formats(CT_IMAGE_VARIANT('JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91'))))).sourceWasLossy, true);
    assert.equal((await readDicom(readBytes(formats(CT_IMAGE_VARIANT('JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50'))))).sourceWasLossy, true);
    assert.equal((await readDicom(readBytes(formats(CT_IMAGE_VARIANT('JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81'))))).sourceWasLossy, true);
    assert.equal((await readDicom(readBytes(formats(CT_IMAGE_VARIANT('JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90'))))).sourceWasLossy, false);
    assert.equal((await readDicom(readBytes(formats(CT_IMAGE)))).sourceWasLossy, false);
  });
});

/**
 * The receiver recomputes the mask on the stego image, and the k-th QR block must land in the k-th
 * usable block, so the threshold segmenter must find on a stego image exactly the mask it found on the
 * cover. These tests embed with the `paper` profile into the real fixtures (CT, MR heads, the
 * ear-only end slice of a series, and two noise-only end slices whose cover mask is empty, so the
 * payload lands in the top rows) and require the same mask back, pixel for pixel, and the payload
 * back. Run `scripts/segmentation-stability.ts` for the same check over the shared data.
 *
 * Also the two building blocks the stability rests on: reconstruction from the cores (candidates
 * near the body but not joined to it stay out) and the neck rule of restoreThinParts.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDicom } from '../../src/dicom/index.ts';
import type { DicomSlice } from '../../src/dicom/DicomSlice.ts';
import { collectIdentityFields, serializePayload } from '../../src/payload/index.ts';
import { reconstructMask, segmentByThreshold } from '../../src/segmentation/index.ts';
import { restoreThinParts } from '../../src/segmentation/restoreThinParts.ts';
import { embedPaper, extractPaper } from '../../src/stego/index.ts';
import { drawMask, parseMask } from './maskPictures.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);

const SLICES = [
  'mr/sag-anon-mprage-0001-noise.dcm',
  'mr/decubitus-hfdl-0035.dcm',
  'mr/decubitus-hfs-0035.dcm',
  'mr/sag-anon-mprage-0095.dcm',
  'mr/brain-tumor-progression-1-12.dcm',
  'ct/tcga-thca-1-021.dcm',
  'ct/tcga-thca-1-101.dcm',
  'ct/tcga-thca-1-201.dcm',
  'ct/lung-pet-ct-dx-1-15.dcm',
];

/** A payload as long as a full identity record of the shared data (about 260 characters, a 81×81 QR). */
const LONG_PAYLOAD = serializePayload({
  PatientName: 'Doe^Johnathan^Quincy^^Dr',
  PatientID: 'MEDSTEGO-000123456789',
  PatientBirthDate: '19700101',
  PatientSex: 'M',
  OtherPatientIDs: 'ALT-98765-4321-XYZ',
  InstitutionName: 'Example University Hospital, Department of Radiology',
  ReferringPhysicianName: 'Roe^Richard',
  AccessionNumber: 'ACC-2024-000042',
});

function differingPixels(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

function bodyPixels(mask: Uint8Array): number {
  let count = 0;
  for (const v of mask) count += v;
  return count;
}

describe('the threshold mask is the same on the cover and on the paper-profile stego image', () => {
  const slices = new Map<string, DicomSlice>();
  before(async () => {
    for (const name of SLICES) slices.set(name, await readDicom(new Uint8Array(readFileSync(new URL(name, FIXTURES)))));
  });

  for (const name of SLICES) {
    for (const beta of [1000, 500]) {
      for (const payloadKind of ['identity', 'long'] as const) {
        it(`${name}, β ${beta}, ${payloadKind} payload`, () => {
          const slice = slices.get(name)!;
          const image = slice.image;
          const payloadText = payloadKind === 'identity' ? serializePayload(collectIdentityFields((k) => slice.getString(k))) : LONG_PAYLOAD;
          const cover = segmentByThreshold(image);
          const embedded = embedPaper({ image, mask: cover, payloadText, parameters: { beta } });
          assert.ok(differingPixels(image.pixels, embedded.stegoPixels) > 0, 'the embedder changed nothing');
          const stegoImage = { ...image, pixels: embedded.stegoPixels };
          const stego = segmentByThreshold(stegoImage);
          assert.equal(differingPixels(cover, stego), 0, `cover body ${bodyPixels(cover)} px, stego body ${bodyPixels(stego)} px`);
          assert.equal(extractPaper(stegoImage, stego, { beta }).payloadText, payloadText);
        });
      }
    }
  }

  it('the noise-only end slices stay empty and the ear-only slice keeps its ear', () => {
    for (const name of ['mr/sag-anon-mprage-0001-noise.dcm', 'mr/decubitus-hfdl-0035.dcm']) assert.equal(bodyPixels(segmentByThreshold(slices.get(name)!.image)), 0, name);
    assert.ok(bodyPixels(segmentByThreshold(slices.get('mr/decubitus-hfs-0035.dcm')!.image)) > 1000);
  });
});

describe('reconstructMask', () => {
  it('keeps the components of the mask that hold a marker, 8-connected', () => {
    const { mask, rows, cols } = parseMask([
      '##....#...',
      '.#....#...',
      '..#.......',
      '.......###',
    ]);
    const markers = parseMask([
      '#.........',
      '..........',
      '..........',
      '.........#',
    ]).mask;
    assert.deepEqual(drawMask(reconstructMask(markers, mask, rows, cols, 8), cols), [
      '##........',
      '.#........',
      '..#.......',
      '.......###',
    ]);
    // With 4-connectivity the diagonal step to row 2 breaks the first component.
    assert.deepEqual(drawMask(reconstructMask(markers, mask, rows, cols, 4), cols).slice(0, 3), ['##........', '.#........', '..........']);
  });
});

describe('restoreThinParts decides on the neck', () => {
  // Body on the left; two removed pieces touch it. Seeds are 's', other candidates 'c'.
  function run(picture: string[]): string[] {
    const rows = picture.length;
    const cols = picture[0]!.length;
    const body = new Uint8Array(rows * cols);
    const candidates = new Uint8Array(rows * cols);
    const seeds = new Uint8Array(rows * cols);
    picture.forEach((line, y) => {
      for (let x = 0; x < cols; x++) {
        const c = line[x]!;
        const i = y * cols + x;
        if (c === '#') body[i] = candidates[i] = seeds[i] = 1;
        if (c === 's') candidates[i] = seeds[i] = 1;
        if (c === 'c') candidates[i] = 1;
      }
    });
    return drawMask(restoreThinParts(body, candidates, rows, cols, { seeds, minSeedFraction: 0.3, tableAspect: Infinity, tableBelow: false }), cols);
  }

  it('restores a thin part whose neck and body are tissue', () => {
    assert.deepEqual(run(['###.......', '###sssssss', '###.......']), ['###.......', '##########', '###.......']);
  });

  it('leaves out a piece whose neck is light, however much tissue lies beyond it', () => {
    // The far end of the piece is all seeds (more than 30 % of the piece), but where it meets the
    // body it is light: that is what an embedder writing in the air beyond can never change.
    assert.deepEqual(run(['###.......', '###cccssss', '###....sss']), ['###.......', '###.......', '###.......']);
  });

  it('leaves out a piece with a tissue neck that is mostly light', () => {
    assert.deepEqual(run(['###.......', '###scccccc', '###..ccccc']), ['###.......', '###.......', '###.......']);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { embedDicom, extractDicom } from '../../src/workflow/index.ts';
import { readDicom } from '../../src/dicom/index.ts';
import type { Segmenter } from '../../src/segmentation/index.ts';
import { createThresholdSegmenter } from '../../src/segmentation/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { FIXTURES } from '../helpers/runCli.ts';

const CT = new Uint8Array(readFileSync(path.join(FIXTURES, 'ct', 'lung-pet-ct-dx-1-15.dcm')));

test('a hand-corrected mask is used as given, and only its background changes', async () => {
  const slice = await readDicom(CT);
  const automatic = await createThresholdSegmenter().segment(slice.image);
  const corrected = Uint8Array.from(automatic);
  for (let r = 0; r < 64; r++) for (let c = 0; c < slice.image.cols; c++) corrected[r * slice.image.cols + c] = 1; // user paints the top band as "body"
  const result = await embedDicom(CT, { segmenter: createThresholdSegmenter(), profile: 'paper', mask: corrected, verify: false });
  assert.equal(result.report.segmenter, 'provided');
  for (let i = 0; i < corrected.length; i++) if (corrected[i]) assert.equal(result.stegoPixels[i], slice.image.pixels[i]);
});

test('verification refuses a stego image whose recomputed mask would not extract', async () => {
  let calls = 0;
  // A segmenter that sees the body grow after embedding: extraction would read the wrong blocks.
  const unstable: Segmenter = {
    name: 'unstable',
    async segment(image) {
      calls++;
      const mask = new Uint8Array(image.rows * image.cols);
      const bodyRows = calls === 1 ? 0 : 96;
      for (let i = 0; i < bodyRows * image.cols; i++) mask[i] = 1;
      return mask;
    },
  };
  await assert.rejects(embedDicom(CT, { segmenter: unstable, profile: 'paper' }), (e) => isMedstegoError(e, 'EMBED_VERIFY_FAILED'));
});

test('extractDicom reports timings and returns the exact payload', async () => {
  const segmenter = createThresholdSegmenter();
  const embedded = await embedDicom(CT, { segmenter, profile: 'paper', payloadFields: { Ref: 'A-1' } });
  const extracted = await extractDicom(embedded.output, { segmenter });
  assert.deepEqual(extracted.payload, { Ref: 'A-1' });
  assert.ok(extracted.timingsMs.extract >= 0 && extracted.timingsMs.read >= 0);
});

test('slices of one cover series land in one new stego series', async () => {
  const { createSeriesUidMapper } = await import('../../src/workflow/index.ts');
  const segmenter = createThresholdSegmenter();
  const stegoSeriesUid = createSeriesUidMapper();
  const first = await embedDicom(CT, { segmenter, profile: 'paper', stegoSeriesUid, verify: false });
  const second = await embedDicom(CT, { segmenter, profile: 'paper', stegoSeriesUid, verify: false });
  const [a, b, cover] = await Promise.all([readDicom(first.output), readDicom(second.output), readDicom(CT)]);
  assert.equal(a.seriesInstanceUid, b.seriesInstanceUid);
  assert.notEqual(a.seriesInstanceUid, cover.seriesInstanceUid);
  assert.notEqual(a.sopInstanceUid, b.sopInstanceUid);
});

/**
 * `embed --deidentify` end to end (issue 4): the stego header carries no original identifying
 * value or UID, and extraction with the key returns every original identity field from the pixels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { deriveKeys } from '../../src/crypto/index.ts';
import { createThresholdSegmenter } from '../../src/segmentation/index.ts';
import { collectIdentityFields } from '../../src/payload/index.ts';
import { embedDicom, extractDicom } from '../../src/workflow/index.ts';
import { FIXTURES } from '../helpers/runCli.ts';
import { thrownCode } from '../dicom/dicomTestSupport.ts';
import { bytesContainValue, identifyingValues, instanceUids, MIN_SEARCHED_LENGTH } from '../dicom/identifyingValues.ts';

const segmenter = createThresholdSegmenter();
const newKeys = () => deriveKeys(globalThis.crypto.getRandomValues(new Uint8Array(32)));
const bytesOf = (relative: string) => new Uint8Array(readFileSync(path.join(FIXTURES, relative)));

for (const sample of ['ct/tcga-thca-1-101.dcm', 'mr/sag-anon-mprage-0095.dcm']) {
  test(`embed --deidentify (fidelity) on ${sample}: no identity in the header, all of it back with the key`, async () => {
    const source = bytesOf(sample);
    const cover = await readDicom(source);
    const keys = await newKeys();
    const { output } = await embedDicom(source, { segmenter, profile: 'fidelity', keys, deidentify: true });

    for (const [keyword, value] of identifyingValues(cover)) {
      if (value.length >= MIN_SEARCHED_LENGTH) assert.ok(!bytesContainValue(output, value), `${keyword} value found in the stego file`);
    }
    for (const uid of instanceUids(source)) assert.ok(!bytesContainValue(output, uid), 'an original UID is left in the stego file');
    const stego = await readDicom(output);
    assert.equal(stego.getString('PatientIdentityRemoved'), 'YES');

    const extracted = await extractDicom(output, { segmenter, keys });
    const original = collectIdentityFields((keyword) => cover.getString(keyword));
    assert.ok(Object.keys(original).length >= 5, 'the sample has identity fields to hide');
    assert.deepEqual(extracted.payload, original);
    assert.equal(extracted.integrity?.authenticated, true);

    const otherKeys = await newKeys();
    assert.ok(['CRYPTO_AUTH_FAILED', 'EXTRACT_NO_PAYLOAD'].includes(await thrownCode(() => extractDicom(output, { segmenter, keys: otherKeys }))));
  });
}

test('embed --deidentify keeps a series one series under one key', async () => {
  const keys = await newKeys();
  const [a, b] = await Promise.all(
    ['ct/tcga-thca-1-021.dcm', 'ct/tcga-thca-1-101.dcm'].map(async (sample) => readDicom((await embedDicom(bytesOf(sample), { segmenter, profile: 'fidelity', keys, deidentify: true })).output)),
  );
  assert.equal(a!.seriesInstanceUid, b!.seriesInstanceUid);
  assert.equal(a!.studyInstanceUid, b!.studyInstanceUid);
  assert.notEqual(a!.sopInstanceUid, b!.sopInstanceUid);
});

test('embed --deidentify needs a key, and refuses the keyless paper profile hiding the header identity', async () => {
  const source = bytesOf('ct/tcga-thca-1-101.dcm');
  assert.equal(await thrownCode(() => embedDicom(source, { segmenter, profile: 'paper', deidentify: true })), 'KEY_MISSING');
  const keys = await newKeys();
  assert.equal(await thrownCode(() => embedDicom(source, { segmenter, profile: 'paper', keys, deidentify: true })), 'DEIDENTIFY_FAILED');
});

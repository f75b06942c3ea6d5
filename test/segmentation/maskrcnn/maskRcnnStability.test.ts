/**
 * The receiver recomputes the mask on the stego image: with the Mask R-CNN segmenter, the mask found
 * on the stego image must match the cover mask (NCC ≥ 0.99, the bar; the paper's Table 3 went
 * down to 0.83) for every profile, on real CT and MR fixtures. test-corpus/maskrcnnStability.test.ts
 * runs the same check over ../shared/data.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deriveKeys } from '../../../src/crypto/index.ts';
import { readDicom } from '../../../src/dicom/index.ts';
import { isMedstegoError } from '../../../src/errors/index.ts';
import { normalizedCrossCorrelation } from '../../../src/metrics/index.ts';
import { embedDicom, PROFILE_NAMES } from '../../../src/workflow/index.ts';
import { nodeSegmenter } from './realModel.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const SLICES = ['ct/tcga-thca-1-101.dcm', 'ct/lung-pet-ct-dx-1-15.dcm', 'mr/sag-anon-mprage-0095.dcm', 'mr/brain-tumor-progression-1-12.dcm'];
/** Short, so that the robust profile (sized for noise, not for a full identity) fits on most slices. */
const SHORT_PAYLOAD = { PatientID: 'MS-0001' };

it(`Mask R-CNN masks on cover and stego images agree (NCC ≥ 0.99) for ${PROFILE_NAMES.join(', ')}`, async () => {
  const segmenter = nodeSegmenter();
  const keys = await deriveKeys(new Uint8Array(32).fill(3));
  const compared = new Map<string, number>(PROFILE_NAMES.map((p) => [p, 0]));
  for (const name of SLICES) {
    const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
    for (const profile of PROFILE_NAMES) {
      let embedded;
      try {
        embedded = await embedDicom(bytes, { segmenter, profile, keys, payloadFields: SHORT_PAYLOAD });
      } catch (error) {
        // A slice too small for a profile's payload has no stego image to compare.
        assert.ok(isMedstegoError(error, 'PAYLOAD_CAPACITY_EXCEEDED'), `${name} (${profile}): ${String(error)}`);
        continue;
      }
      const stegoMask = await segmenter.segment((await readDicom(embedded.output)).image);
      const ncc = normalizedCrossCorrelation(embedded.coverMask, stegoMask);
      assert.ok(ncc >= 0.99, `${name} (${profile}): NCC ${ncc}`);
      compared.set(profile, compared.get(profile)! + 1);
    }
  }
  for (const [profile, count] of compared) assert.ok(count >= 2, `${profile}: compared on ${count} slices`);
});

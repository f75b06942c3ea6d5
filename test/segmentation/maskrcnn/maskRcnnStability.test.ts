/**
 * The receiver recomputes the mask on the stego image: with the Mask R-CNN segmenter, the mask found
 * on the stego image must match the cover mask (NCC ≥ 0.99, the bar; the paper's Table 3 went
 * down to 0.83) for every profile, on real CT and MR fixtures. test-corpus/maskrcnnStability.test.ts
 * runs the same check over ../shared/data.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deriveKeys } from '../../../src/crypto/index.ts';
import { readDicom } from '../../../src/dicom/index.ts';
import { normalizedCrossCorrelation } from '../../../src/metrics/index.ts';
import { embedDicom, PROFILE_NAMES } from '../../../src/workflow/index.ts';
import { nodeSegmenter } from './realModel.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

describe('Mask R-CNN masks on cover and stego images agree', () => {
  for (const name of ['ct/tcga-thca-1-101.dcm', 'mr/sag-anon-mprage-0095.dcm']) {
    it(`${name}: NCC ≥ 0.99 for ${PROFILE_NAMES.join(', ')}`, async () => {
      const segmenter = nodeSegmenter();
      const keys = await deriveKeys(new Uint8Array(32).fill(3));
      const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
      for (const profile of PROFILE_NAMES) {
        const embedded = await embedDicom(bytes, { segmenter, profile, keys });
        const stegoMask = await segmenter.segment((await readDicom(embedded.output)).image);
        const ncc = normalizedCrossCorrelation(embedded.coverMask, stegoMask);
        assert.ok(ncc >= 0.99, `${name} (${profile}): NCC ${ncc}`);
        assert.notDeepEqual(embedded.stegoPixels, embedded.cover.image.pixels, 'the embedder wrote something');
      }
    });
  }
});

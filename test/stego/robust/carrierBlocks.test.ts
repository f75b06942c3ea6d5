import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDicom } from '../../../src/dicom/index.ts';
import { segmentByThreshold } from '../../../src/segmentation/index.ts';
import { forwardDct4x4, BLOCK_LENGTH } from '../../../src/dct/index.ts';
import { readCarrierBlocks } from '../../../src/stego/robust/carrierBlocks.ts';
import { createRobustProfile, robustProfile } from '../../../src/stego/robust/index.ts';
import { applyNoiseAttack } from '../../../src/attacks/index.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

async function loadSlice(relative: string) {
  const image = (await readDicom(new Uint8Array(readFileSync(FIXTURES + relative)))).image;
  return { image, mask: segmentByThreshold(image) };
}

test('floor lift: same carrier blocks; only blocks with floor pixels change, by the DCT of −lift at those pixels', async () => {
  const { image, mask } = await loadSlice('mr/sag-anon-mprage-0095.dcm');
  const plain = readCarrierBlocks(image, mask, 'extract');
  const lift = 0.9;
  const lifted = readCarrierBlocks(image, mask, 'extract', lift);
  assert.equal(plain.floorPixels, 0);
  assert.deepEqual(lifted.positions, plain.positions);
  let floorPixels = 0;
  let blocksWithFloor = 0;
  const indicator = new Float64Array(BLOCK_LENGTH);
  const expected = new Float64Array(BLOCK_LENGTH);
  for (let b = 0; b < plain.origins.length; b++) {
    let atFloor = 0;
    for (let i = 0; i < BLOCK_LENGTH; i++) {
      const v = image.pixels[plain.origins[b]! + (i >> 2) * image.cols + (i & 3)]!;
      indicator[i] = v === image.minStored ? -lift : 0;
      if (v === image.minStored) atFloor++;
    }
    floorPixels += atFloor;
    if (atFloor > 0) blocksWithFloor++;
    forwardDct4x4(indicator, expected);
    for (let j = 0; j < BLOCK_LENGTH; j++) {
      const difference = lifted.coefficients[b * BLOCK_LENGTH + j]! - plain.coefficients[b * BLOCK_LENGTH + j]!;
      assert.ok(Math.abs(difference - expected[j]!) < 1e-9, `block ${b} coefficient ${j}`);
    }
  }
  assert.equal(lifted.floorPixels, floorPixels);
  assert.ok(blocksWithFloor > 100, 'the slice has air stored at the floor among its carriers');
});

test('MR: a frame that clipped noise at the stored floor makes unreadable as stored is read with the floor lifted', async () => {
  // Found by search on this fixture (key, payload and seed fixed): Gaussian noise at 52 dB, 256 bits
  // (at 53 dB the turbo-coded frame of header version 2 decodes without the lift for seeds 1–40).
  const { image, mask } = await loadSlice('mr/decubitus-hfs-0035.dcm');
  const keys = { layoutKey: new Uint8Array(32).map((_, i) => i * 7 + 3), ditherKey: new Uint8Array(32).map((_, i) => i * 11 + 5) };
  const sealed = new Uint8Array(32).map((_, i) => (i * 37 + 5) & 255);
  const stego = { ...image, pixels: robustProfile.embed({ image, mask, sealed, keys }).stegoPixels };
  const attacked = { ...image, pixels: applyNoiseAttack(stego, { noise: 'gaussian', psnrDb: 52, seed: 4 }).pixels };
  const attackedMask = segmentByThreshold(attacked);
  assert.throws(() => createRobustProfile({ floorLiftSteps: 0 }).extract({ image: attacked, mask: attackedMask, keys }), { code: 'EXTRACT_NO_PAYLOAD' });
  const out = robustProfile.extract({ image: attacked, mask: attackedMask, keys });
  assert.deepEqual(out.sealed, sealed);
  assert.ok(Number(out.parameters.floorLift) > 0);
  // Without an attack the first reading (no lift) is the one that decodes.
  assert.equal(robustProfile.extract({ image: stego, mask: segmentByThreshold(stego), keys }).parameters.floorLift, 0);
});

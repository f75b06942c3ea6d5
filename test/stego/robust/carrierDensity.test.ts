import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentByThreshold } from '../../../src/segmentation/index.ts';
import { createRobustProfile, robustProfile } from '../../../src/stego/robust/index.ts';
import { HEADER_INFORMATION_BITS, HEADER_VERSION, packHeader, unpackHeader } from '../../../src/stego/robust/robustHeader.ts';
import { CARRIER_DENSITIES } from '../../../src/stego/robust/robustLayout.ts';
import { applyNoiseAttack } from '../../../src/attacks/index.ts';
import { psnrDbRange } from '../../../src/metrics/index.ts';
import type { PixelImage } from '../../../src/image/PixelImage.ts';
import { loadSlice, randomBytes } from './robustFixtures.ts';


const KEYS = { layoutKey: randomBytes(32, 71), ditherKey: randomBytes(32, 72) };

/** Exact recoveries after Gaussian and uniform noise at `psnrDb`, seeds 1..seeds each. */
function recoveries(profile: ReturnType<typeof createRobustProfile>, image: PixelImage, stego: Int32Array, sealed: Uint8Array, psnrDb: number, seeds: number): number {
  let ok = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    for (const noise of ['gaussian', 'uniform'] as const) {
      const attacked = { ...image, pixels: applyNoiseAttack({ ...image, pixels: stego }, { noise, psnrDb, seed }).pixels };
      try {
        const out = profile.extract({ image: attacked, mask: segmentByThreshold(attacked), keys: KEYS });
        if (out.sealed.length === sealed.length && out.sealed.every((b, i) => b === sealed[i])) ok++;
      } catch {
        // A failed decode is counted as such.
      }
    }
  }
  return ok;
}

test('header version 2 names the carrier density; a header read with another density or step index is rejected; version 1 only at density 1', () => {
  for (const densityIndex of [0, 1, 2, 3]) {
    const header = { version: HEADER_VERSION, stepIndex: 77, densityIndex, sealedBytes: 1000 };
    const bits = packHeader(header);
    assert.equal(bits.length, HEADER_INFORMATION_BITS);
    assert.deepEqual(unpackHeader(bits, 77, densityIndex), header);
    assert.equal(unpackHeader(bits, 77, (densityIndex + 1) % 4), undefined);
    assert.equal(unpackHeader(bits, 78, densityIndex), undefined);
  }
  const old = packHeader({ version: 1, stepIndex: 12, densityIndex: 0, sealedBytes: 3000 });
  assert.deepEqual(unpackHeader(old, 12, 0), { version: 1, stepIndex: 12, densityIndex: 0, sealedBytes: 3000 });
  assert.equal(unpackHeader(old, 12, 1), undefined);
});

test('CT 512²: the budget per carrier pixel is above the rounding threshold, so every carrier block is used', async () => {
  const { image, mask } = await loadSlice('ct/tcga-thca-1-101.dcm');
  const result = robustProfile.embed({ image, mask, sealed: randomBytes(128, 5), keys: KEYS });
  assert.equal(result.parameters.carrierDensity, 1);
  assert.equal(result.parameters.carrierBlocks, result.parameters.candidateBlocks);
  assert.equal(result.parameters.version, 2);
});

test('MR SAG MPRAGE, 1,024 bits at 59 dB: a keyed subset of the carrier blocks and the turbo code recover all 8 attacks; the version-1 code on every block fewer', async () => {
  const { image, mask } = await loadSlice('mr/sag-anon-mprage-0095.dcm');
  const sealed = randomBytes(128, 6);
  const profile = createRobustProfile({ designAttackPsnrDb: 59 });
  const result = profile.embed({ image, mask, sealed, keys: KEYS });
  assert.ok(psnrDbRange(image.pixels, result.stegoPixels) >= 65);
  const density = Number(result.parameters.carrierDensity);
  assert.ok(density < 1 && CARRIER_DENSITIES.includes(density), `density ${density}`);
  assert.ok(Number(result.parameters.carrierBlocks) < Number(result.parameters.candidateBlocks));
  const withDensity = recoveries(profile, image, result.stegoPixels, sealed, 59, 4);
  assert.equal(withDensity, 8);
  const version1 = createRobustProfile({ designAttackPsnrDb: 59, headerVersion: 1 });
  const old = version1.embed({ image, mask, sealed, keys: KEYS });
  assert.equal(old.parameters.carrierDensity, 1);
  assert.ok(recoveries(profile, image, old.stegoPixels, sealed, 59, 4) < withDensity, 'version 1 (convolutional, all blocks) recovers fewer');
});

test('a version-1 stego (convolutional data code) is still read by the current decoder, and says so', async () => {
  const { image, mask } = await loadSlice('mr/decubitus-hfs-0035.dcm');
  const sealed = randomBytes(32, 7);
  const old = createRobustProfile({ headerVersion: 1 }).embed({ image, mask, sealed, keys: KEYS });
  assert.equal(old.parameters.version, 1);
  const stego = { ...image, pixels: old.stegoPixels };
  const out = robustProfile.extract({ image: stego, mask: segmentByThreshold(stego), keys: KEYS });
  assert.deepEqual(out.sealed, sealed);
  assert.equal(out.parameters.version, 1);
  assert.equal(out.parameters.carrierDensity, 1);
});

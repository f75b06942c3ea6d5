import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom, type DicomSlice } from '../../src/dicom/index.ts';
import { addGaussianNoise, addSaltAndPepper, addUniformNoise, applyNoiseAttack } from '../../src/attacks/index.ts';
import { psnrDbRange } from '../../src/metrics/index.ts';
import type { PixelImage } from '../../src/image/index.ts';
import { FIXTURES } from '../helpers/runCli.ts';

const SLICES = ['ct/tcga-thca-1-101.dcm', 'ct/lung-pet-ct-dx-1-15.dcm', 'mr/brain-tumor-progression-1-12.dcm', 'mr/sag-anon-mprage-0095.dcm'];
const loaded = new Map<string, DicomSlice>();
async function load(name: string): Promise<DicomSlice> {
  if (!loaded.has(name)) loaded.set(name, await readDicom(new Uint8Array(readFileSync(path.join(FIXTURES, name)))));
  return loaded.get(name)!;
}

function minMax(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  return { min, max };
}

function attackCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

for (const name of SLICES) {
  for (const [kind, attack] of [['gaussian', addGaussianNoise], ['uniform', addUniformNoise]] as const) {
    test(`${kind} noise hits the target PSNR (range convention) within 0.2 dB on ${name}`, async () => {
      const { image } = await load(name);
      for (const target of [53, 59]) {
        const result = attack(image, { psnrDb: target, seed: 11 });
        const measured = psnrDbRange(image.pixels, result.pixels);
        assert.ok(Math.abs(measured - target) <= 0.2, `${kind} ${target} dB: measured ${measured}`);
        assert.ok(Math.abs(result.psnrDbRange - measured) < 1e-9, 'the reported PSNR is the PSNR of the written integers');
        for (const value of result.pixels) {
          assert.ok(Number.isInteger(value) && value >= image.minStored && value <= image.maxStored);
        }
        // Noise over the whole image: most pixels change (rounding leaves some where σ is small).
        assert.ok(result.pixelsChanged > image.pixels.length * 0.3, `${result.pixelsChanged} pixels changed`);
      }
    });
  }
}

/** Kurtosis of the changes where no clipping can have happened (cover well inside the range). */
function changeStatistics(image: PixelImage, attacked: Int32Array, sigma: number): { mean: number; kurtosis: number } {
  const { min, max } = minMax(image.pixels);
  const changes: number[] = [];
  for (let i = 0; i < attacked.length; i++) {
    const x = image.pixels[i]!;
    if (x - min > 8 * sigma && max - x > 8 * sigma && x - image.minStored > 8 * sigma) changes.push(attacked[i]! - x);
  }
  const mean = changes.reduce((sum, d) => sum + d, 0) / changes.length;
  const variance = changes.reduce((sum, d) => sum + (d - mean) ** 2, 0) / changes.length;
  const fourth = changes.reduce((sum, d) => sum + (d - mean) ** 4, 0) / changes.length;
  return { mean, kurtosis: fourth / variance ** 2 };
}

test('Gaussian and uniform noise have their own shapes (kurtosis ≈ 3 and ≈ 1.8) and no bias', async () => {
  const { image } = await load('ct/tcga-thca-1-101.dcm');
  // At 45 dB σ ≈ 11 stored units, large enough that rounding hardly changes the shape.
  const gaussian = addGaussianNoise(image, { psnrDb: 45, seed: 5 });
  const uniform = addUniformNoise(image, { psnrDb: 45, seed: 5 });
  const g = changeStatistics(image, gaussian.pixels, gaussian.sigma!);
  const u = changeStatistics(image, uniform.pixels, uniform.sigma!);
  assert.ok(Math.abs(g.kurtosis - 3) < 0.15, `Gaussian kurtosis ${g.kurtosis}`);
  assert.ok(Math.abs(u.kurtosis - 1.8) < 0.1, `uniform kurtosis ${u.kurtosis}`);
  assert.ok(Math.abs(g.mean) < 0.05 * gaussian.sigma! && Math.abs(u.mean) < 0.05 * uniform.sigma!, `means ${g.mean}, ${u.mean}`);
  // Uniform noise never exceeds its half-width √3·σ (plus rounding).
  let largest = 0;
  for (let i = 0; i < image.pixels.length; i++) largest = Math.max(largest, Math.abs(uniform.pixels[i]! - image.pixels[i]!));
  assert.ok(largest <= Math.sqrt(3) * uniform.sigma! + 0.5, `largest uniform change ${largest}`);
});

test('attacks are deterministic by seed and differ between seeds', async () => {
  const { image } = await load('mr/brain-tumor-progression-1-12.dcm');
  for (const options of [
    { noise: 'gaussian', psnrDb: 53 },
    { noise: 'uniform', psnrDb: 53 },
    { noise: 'saltpepper', fraction: 0.001 },
  ] as const) {
    const first = applyNoiseAttack(image, { ...options, seed: 42 });
    const again = applyNoiseAttack(image, { ...options, seed: 42 });
    const other = applyNoiseAttack(image, { ...options, seed: 43 });
    assert.deepEqual(again.pixels, first.pixels, `${options.noise}: same seed, same pixels`);
    assert.notDeepEqual(other.pixels, first.pixels, `${options.noise}: another seed, other pixels`);
    assert.deepEqual(image.pixels, (await load('mr/brain-tumor-progression-1-12.dcm')).image.pixels, 'the input is not modified');
  }
});

test('clip "image" keeps additive noise inside the cover\'s own [min, max]', async () => {
  const { image } = await load('ct/tcga-thca-1-101.dcm');
  const { min, max } = minMax(image.pixels);
  const result = addGaussianNoise(image, { psnrDb: 53, seed: 2, clip: 'image' });
  const after = minMax(result.pixels);
  assert.ok(after.min >= min && after.max <= max);
  assert.ok(Math.abs(result.psnrDbRange - 53) <= 0.2);
});

for (const name of SLICES) {
  test(`salt-and-pepper by fraction hits exactly round(fraction × pixels) pixels, half salt, on ${name}`, async () => {
    const { image } = await load(name);
    const { min, max } = minMax(image.pixels);
    for (const fraction of [0.001, 0.01]) {
      const result = addSaltAndPepper(image, { fraction, seed: 9 });
      const expectedHits = Math.round(fraction * image.pixels.length);
      assert.equal(result.pixelsHit, expectedHits);
      let changed = 0;
      let salt = 0;
      for (let i = 0; i < image.pixels.length; i++) {
        if (result.pixels[i] === image.pixels[i]) continue;
        changed++;
        assert.ok(result.pixels[i] === min || result.pixels[i] === max, 'a hit pixel becomes the image min (pepper) or max (salt)');
        if (result.pixels[i] === max) salt++;
      }
      assert.equal(changed, result.pixelsChanged);
      // A hit on a pixel already at that extreme changes nothing (MR background is often at the minimum).
      assert.ok(changed <= expectedHits && changed >= expectedHits * 0.4, `${changed} of ${expectedHits} hits changed a pixel`);
      assert.ok(salt >= expectedHits * 0.35 && salt <= expectedHits * 0.65, `${salt} salt of ${expectedHits}`);
      assert.ok(Math.abs(result.psnrDbRange - psnrDbRange(image.pixels, result.pixels)) < 1e-9);
    }
  });
}

test('salt-and-pepper by PSNR stops at the pixel count closest to the target', async () => {
  const { image } = await load('ct/tcga-thca-1-101.dcm');
  for (const target of [40, 53]) {
    const result = addSaltAndPepper(image, { psnrDb: target, seed: 4 });
    const fewer = addSaltAndPepper(image, { fraction: (result.pixelsHit! - 1) / image.pixels.length, seed: 4 });
    const more = addSaltAndPepper(image, { fraction: (result.pixelsHit! + 1) / image.pixels.length, seed: 4 });
    // Same seed, same pixel order: one hit fewer or more must land no closer to the target.
    assert.ok(Math.abs(result.psnrDbRange - target) <= Math.abs(fewer.psnrDbRange - target) + 1e-9);
    assert.ok(Math.abs(result.psnrDbRange - target) <= Math.abs(more.psnrDbRange - target) + 1e-9);
  }
  // DESIGN §3: at 53 dB salt-and-pepper touches only a handful of CT pixels.
  assert.ok(addSaltAndPepper(image, { psnrDb: 53, seed: 4 }).pixelsHit! < 20);
});

test('invalid attacks are refused with ATTACK_PARAMETERS_INVALID', async () => {
  const { image } = await load('mr/brain-tumor-progression-1-12.dcm');
  const constant: PixelImage = { ...image, pixels: new Int32Array(image.pixels.length).fill(100) };
  assert.equal(attackCode(() => addGaussianNoise(constant, { psnrDb: 53, seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
  assert.equal(attackCode(() => addSaltAndPepper(constant, { psnrDb: 53, seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
  assert.equal(attackCode(() => addUniformNoise(image, { psnrDb: Number.NaN, seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
  assert.equal(attackCode(() => addSaltAndPepper(image, { fraction: 1.5, seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
  assert.equal(attackCode(() => applyNoiseAttack(image, { noise: 'gaussian', fraction: 0.01, seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
  assert.equal(attackCode(() => applyNoiseAttack(image, { noise: 'saltpepper', seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
  // Far below what clipped noise can reach on a 12-bit range.
  assert.equal(attackCode(() => addUniformNoise(image, { psnrDb: -40, seed: 1 })), 'ATTACK_PARAMETERS_INVALID');
});

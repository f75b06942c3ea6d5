/**
 * The threshold segmenter on the real CT/MR fixtures (test/fixtures/ct, test/fixtures/mr): plausible
 * body fractions, no table, lungs inside, padding and corners outside, empty mask on pure noise,
 * lungs still inside when a crop cuts them at the border, determinism.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PixelImage } from '../../src/image/PixelImage.ts';
import { connectedComponents, createThresholdSegmenter, fillHoles, segmentByThreshold } from '../../src/segmentation/index.ts';
import { cropImage, loadFixtureImage } from './fixtureImages.ts';

function hu(image: PixelImage, i: number): number {
  return image.pixels[i]! * image.rescaleSlope + image.rescaleIntercept;
}

function fraction(mask: Uint8Array): number {
  let s = 0;
  for (const v of mask) s += v;
  return s / mask.length;
}

/**
 * Lung pixels, found independently of the segmenter: holes of the raw −400 HU threshold mask (classic
 * hole filling) of at least `minPixels` whose mean is lung-like (above −950 HU; the air trapped
 * between the curved table top and the back, also a hole of the raw mask, is at −1000 and is not body).
 */
function enclosedLung(image: PixelImage, minPixels: number): Uint8Array {
  const n = image.rows * image.cols;
  const body = new Uint8Array(n);
  for (let i = 0; i < n; i++) body[i] = hu(image, i) > -400 ? 1 : 0;
  const filled = fillHoles(body, image.rows, image.cols);
  const holes = new Uint8Array(n);
  for (let i = 0; i < n; i++) holes[i] = filled[i] && !body[i] ? 1 : 0;
  const regions = connectedComponents(holes, image.rows, image.cols, 4);
  const sums = new Float64Array(regions.count + 1);
  for (let i = 0; i < n; i++) if (regions.labels[i]) sums[regions.labels[i]!]! += hu(image, i);
  const lung = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = regions.labels[i]!;
    if (label && regions.sizes[label]! >= minPixels && sums[label]! / regions.sizes[label]! > -950) lung[i] = 1;
  }
  return lung;
}

const CT = {
  'ct/tcga-thca-1-021.dcm': [0.1, 0.35],
  'ct/tcga-thca-1-101.dcm': [0.1, 0.35],
  'ct/tcga-thca-1-201.dcm': [0.1, 0.35],
  'ct/lung-pet-ct-dx-1-15.dcm': [0.35, 0.7],
} as const;
const MR_ANATOMY = {
  'mr/brain-tumor-progression-1-12.dcm': [0.5, 0.95],
  'mr/sag-anon-mprage-0095.dcm': [0.3, 0.8],
  // The last slice of the HFS series cuts only the ear.
  'mr/decubitus-hfs-0035.dcm': [0.015, 0.08],
} as const;
/** End-of-series slices that hold nothing but noise (checked by eye on the contact sheets). */
const MR_NOISE = ['mr/sag-anon-mprage-0001-noise.dcm', 'mr/decubitus-hfdl-0035.dcm'];

describe('threshold segmenter on real fixtures', () => {
  const images = new Map<string, PixelImage>();
  const masks = new Map<string, Uint8Array>();
  before(async () => {
    for (const name of [...Object.keys(CT), ...Object.keys(MR_ANATOMY), ...MR_NOISE]) {
      const image = await loadFixtureImage(name);
      images.set(name, image);
      masks.set(name, await createThresholdSegmenter().segment(image));
    }
  });

  for (const [name, [low, high]] of Object.entries({ ...CT, ...MR_ANATOMY })) {
    it(`${name}: body fraction in [${low}, ${high}]`, () => {
      const f = fraction(masks.get(name)!);
      assert.ok(f >= low && f <= high, `body fraction ${f.toFixed(3)}`);
    });
  }

  for (const name of Object.keys(CT)) {
    it(`${name}: the table under the body is excluded`, () => {
      const image = images.get(name)!;
      const mask = masks.get(name)!;
      const { rows, cols } = image;
      let lowestBodyRow = -1;
      for (let i = 0; i < mask.length; i++) if (mask[i]) lowestBodyRow = Math.floor(i / cols);
      // Dense pixels below the body exist (the table is in view) and none of them is significant.
      let tablePixels = 0;
      for (let y = lowestBodyRow + 1; y < rows; y++) for (let x = 0; x < cols; x++) if (hu(image, y * cols + x) > -400) tablePixels++;
      assert.ok(tablePixels > 300, `expected the table below the body, found ${tablePixels} dense pixels`);
      assert.ok(lowestBodyRow < rows - 20, `body reaches row ${lowestBodyRow}`);
    });

    it(`${name}: corners (outside air, outside the field of view) are not significant`, () => {
      const { rows, cols } = images.get(name)!;
      const mask = masks.get(name)!;
      for (const [y0, x0] of [[0, 0], [0, cols - 16], [rows - 16, 0], [rows - 16, cols - 16]] as const) {
        for (let y = y0; y < y0 + 16; y++) for (let x = x0; x < x0 + 16; x++) assert.equal(mask[y * cols + x], 0, `pixel ${y},${x}`);
      }
    });

    it(`${name}: enclosed lung-like regions are significant`, () => {
      const image = images.get(name)!;
      const mask = masks.get(name)!;
      const lung = enclosedLung(image, 50);
      let total = 0;
      let inside = 0;
      for (let i = 0; i < lung.length; i++) {
        if (!lung[i]) continue;
        total++;
        inside += mask[i]!;
      }
      assert.equal(inside, total);
    });
  }

  it('the chest slices have lungs, and every lung pixel is significant', () => {
    for (const name of ['ct/tcga-thca-1-101.dcm', 'ct/lung-pet-ct-dx-1-15.dcm']) {
      const lung = enclosedLung(images.get(name)!, 5000);
      assert.ok(fraction(lung) > 0.02, `${name}: lungs found ${fraction(lung)}`);
    }
  });

  for (const name of MR_NOISE) {
    it(`${name}: a noise-only MR slice gives an empty mask`, () => {
      assert.equal(fraction(masks.get(name)!), 0);
    });
  }

  for (const name of Object.keys(MR_ANATOMY)) {
    it(`${name}: MR corners are background`, () => {
      const image = images.get(name)!;
      const mask = masks.get(name)!;
      // At least one corner is air on every MR fixture; the body never fills the whole frame.
      const corners = [0, image.cols - 1, (image.rows - 1) * image.cols, image.rows * image.cols - 1];
      assert.ok(corners.some((i) => mask[i] === 0));
    });
  }

  it('lungs cut by the image border stay significant (tight crops)', async () => {
    const chest = images.get('ct/lung-pet-ct-dx-1-15.dcm')!;
    for (const [r0, r1, c0, c1] of [
      [128, 384, 128, 384],
      [200, 512, 0, 512],
      [100, 380, 0, 200],
    ] as const) {
      const image = cropImage(chest, r0, r1, c0, c1);
      const mask = segmentByThreshold(image);
      // Lung parenchyma: −950..−500 HU pixels inside the chest wall of the uncropped slice.
      const fullLung = enclosedLung(chest, 5000);
      let total = 0;
      let inside = 0;
      for (let y = 0; y < image.rows; y++) {
        for (let x = 0; x < image.cols; x++) {
          if (!fullLung[(y + r0) * chest.cols + x + c0]) continue;
          total++;
          inside += mask[y * image.cols + x]!;
        }
      }
      assert.ok(total > 1000, `crop ${r0}..${r1} x ${c0}..${c1} holds lung`);
      assert.equal(inside, total, `crop ${r0}..${r1} x ${c0}..${c1}: ${total - inside} lung pixels left out`);
    }
  });

  it('a body cut by the image border is still found', () => {
    // The top 270 rows of the chest slice: the body enters from the bottom edge.
    const image = cropImage(images.get('ct/tcga-thca-1-101.dcm')!, 0, 270, 0, 512);
    const mask = segmentByThreshold(image);
    let tissue = 0;
    let covered = 0;
    for (let i = 230 * image.cols; i < mask.length; i++) {
      if (hu(image, i) <= -150) continue;
      tissue++;
      covered += mask[i]!;
    }
    assert.ok(tissue > 3000, `tissue pixels in the bottom rows: ${tissue}`);
    assert.equal(covered, tissue);
  });

  it('is deterministic', async () => {
    const segmenter = createThresholdSegmenter();
    for (const [name, image] of images) {
      assert.deepEqual(await segmenter.segment(image), masks.get(name), name);
    }
  });

  it('the safety margin only adds pixels', () => {
    const image = images.get('ct/tcga-thca-1-201.dcm')!;
    const tight = segmentByThreshold(image, { safetyMarginPixels: 0 });
    const loose = segmentByThreshold(image, { safetyMarginPixels: 4 });
    let added = 0;
    for (let i = 0; i < tight.length; i++) {
      assert.ok(loose[i]! >= tight[i]!);
      added += loose[i]! - tight[i]!;
    }
    assert.ok(added > 1000, `margin added ${added} pixels`);
  });
});

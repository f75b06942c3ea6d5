/**
 * Pre-processing v1 of the Mask R-CNN contract, checked against direct computations: a 512² CT
 * halved (each output pixel is the mean of a 2×2 block of windowed HU), a non-square MR (min and
 * 99.5th percentile found independently), a linear ramp upsampled (bilinear is exact inside, clamped
 * at the edges), tiny and degenerate images.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDicom } from '../../../src/dicom/index.ts';
import { storedRange, type PixelImage } from '../../../src/image/PixelImage.ts';
import { MASKRCNN_INPUT_SIZE, preprocessSlice } from '../../../src/segmentation/maskrcnn/index.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const SIZE = MASKRCNN_INPUT_SIZE;

async function load(name: string): Promise<PixelImage> {
  return (await readDicom(new Uint8Array(readFileSync(new URL(name, FIXTURES))))).image;
}

function image(rows: number, cols: number, modality: string, value: (r: number, c: number) => number): PixelImage {
  const pixels = new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) pixels[r * cols + c] = value(r, c);
  return { rows, cols, pixels, bitsStored: 16, pixelRepresentation: 1, ...storedRange(16, 1), rescaleSlope: 1, rescaleIntercept: 0, modality, photometricInterpretation: 'MONOCHROME2' };
}

function assertZeroOutside(input: Float32Array, resizedRows: number, resizedCols: number): void {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (y >= resizedRows || x >= resizedCols) assert.equal(input[y * SIZE + x], 0, `canvas (${y}, ${x}) outside the letterbox`);
    }
  }
}

describe('preprocessSlice on real slices', () => {
  let ct: PixelImage;
  let mr: PixelImage;
  before(async () => {
    ct = await load('ct/lung-pet-ct-dx-1-15.dcm');
    mr = await load('mr/brain-tumor-progression-1-12.dcm');
  });

  it('halves a 512² CT: every output pixel is the mean of its 2×2 block of windowed HU', () => {
    assert.equal(ct.rows, 512);
    assert.equal(ct.cols, 512);
    const out = preprocessSlice(ct);
    assert.equal(out.scale, 0.5);
    assert.equal(out.resizedRows, 256);
    assert.equal(out.resizedCols, 256);
    const windowed = (r: number, c: number): number => {
      const hu = ct.pixels[r * ct.cols + c]! * ct.rescaleSlope + ct.rescaleIntercept;
      return Math.min(1, Math.max(0, (hu + 1000) / 1400));
    };
    let maxError = 0;
    let lit = 0;
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const expected = (windowed(2 * y, 2 * x) + windowed(2 * y, 2 * x + 1) + windowed(2 * y + 1, 2 * x) + windowed(2 * y + 1, 2 * x + 1)) / 4;
        maxError = Math.max(maxError, Math.abs(out.input[y * SIZE + x]! - expected));
        if (expected > 0.5) lit++;
      }
    }
    assert.ok(maxError < 1e-6, `max error ${maxError}`);
    assert.ok(lit > 0.1 * SIZE * SIZE, 'the body is visible in the window');
  });

  it('letterboxes a non-square MR between its minimum and 99.5th percentile', () => {
    assert.notEqual(mr.rows, mr.cols);
    const out = preprocessSlice(mr);
    const longer = Math.max(mr.rows, mr.cols);
    assert.equal(out.scale, SIZE / longer);
    assert.equal(out.resizedRows, Math.round((mr.rows * SIZE) / longer));
    assert.equal(out.resizedCols, Math.round((mr.cols * SIZE) / longer));
    assert.ok(Math.min(out.resizedRows, out.resizedCols) < SIZE);
    assertZeroOutside(out.input, out.resizedRows, out.resizedCols);

    const values = Array.from(mr.pixels, (p) => p * mr.rescaleSlope + mr.rescaleIntercept).sort((a, b) => a - b);
    const lo = values[0]!;
    const hi = values[Math.floor(0.995 * (values.length - 1))]!;
    assert.ok(hi > lo);
    const normalised = (r: number, c: number): number => Math.min(1, Math.max(0, (mr.pixels[r * mr.cols + c]! * mr.rescaleSlope + mr.rescaleIntercept - lo) / (hi - lo)));
    // Direct bilinear sampling, output pixel by output pixel.
    let maxError = 0;
    let saturated = 0;
    for (let y = 0; y < out.resizedRows; y++) {
      const sy = Math.max(0, ((y + 0.5) * mr.rows) / out.resizedRows - 0.5);
      const r0 = Math.min(Math.floor(sy), mr.rows - 1);
      const r1 = Math.min(r0 + 1, mr.rows - 1);
      for (let x = 0; x < out.resizedCols; x++) {
        const sx = Math.max(0, ((x + 0.5) * mr.cols) / out.resizedCols - 0.5);
        const c0 = Math.min(Math.floor(sx), mr.cols - 1);
        const c1 = Math.min(c0 + 1, mr.cols - 1);
        const fy = sy - r0;
        const fx = sx - c0;
        const expected =
          normalised(r0, c0) * (1 - fy) * (1 - fx) + normalised(r0, c1) * (1 - fy) * fx + normalised(r1, c0) * fy * (1 - fx) + normalised(r1, c1) * fy * fx;
        const actual = out.input[y * SIZE + x]!;
        maxError = Math.max(maxError, Math.abs(actual - expected));
        if (actual === 1) saturated++;
      }
    }
    assert.ok(maxError < 1e-6, `max error ${maxError}`);
    assert.ok(saturated < 0.01 * out.resizedRows * out.resizedCols, 'only the top 0.5 % of values saturate');
  });

  it('maps every value into [0, 1] and is deterministic', () => {
    for (const slice of [ct, mr]) {
      const a = preprocessSlice(slice).input;
      for (const v of a) assert.ok(v >= 0 && v <= 1);
      assert.deepEqual(preprocessSlice(slice).input, a);
    }
  });
});

describe('preprocessSlice on synthetic and tiny images', () => {
  it('upsamples a horizontal ramp exactly inside and clamps it at the edges', () => {
    // 4 rows × 8 cols, values 0..7 along the columns; MR normalisation: lo 0, hi = value at index floor(0.995·31) = 30 -> 7.
    const ramp = image(4, 8, 'MR', (_r, c) => c);
    const out = preprocessSlice(ramp);
    assert.equal(out.resizedRows, 128);
    assert.equal(out.resizedCols, 256);
    assertZeroOutside(out.input, 128, 256);
    for (let y = 0; y < 128; y += 17) {
      for (let x = 0; x < 256; x++) {
        const source = Math.min(7, Math.max(0, ((x + 0.5) * 8) / 256 - 0.5));
        assert.ok(Math.abs(out.input[y * SIZE + x]! - source / 7) < 1e-6, `(${y}, ${x})`);
      }
    }
  });

  it('fills the canvas with the single value of a 1×1 CT', () => {
    const out = preprocessSlice(image(1, 1, 'CT', () => -300));
    assert.equal(out.scale, 256);
    assert.equal(out.resizedRows, 256);
    for (const v of out.input) assert.ok(Math.abs(v - 0.5) < 1e-6);
  });

  it('keeps at least one row for a 1×1000 strip', () => {
    const out = preprocessSlice(image(1, 1000, 'CT', () => 400));
    assert.equal(out.resizedRows, 1);
    assert.equal(out.resizedCols, 256);
    for (let x = 0; x < 256; x++) assert.equal(out.input[x], 1);
    assertZeroOutside(out.input, 1, 256);
  });

  it('gives an all-zero input for a constant MR slice (hi ≤ lo)', () => {
    const out = preprocessSlice(image(30, 20, 'MR', () => 500));
    assert.ok(out.input.every((v) => v === 0));
  });

  it('clamps CT values outside the −1000..400 HU window', () => {
    const out = preprocessSlice(image(2, 2, 'CT', (r) => (r === 0 ? -3000 : 3000)));
    assert.equal(out.input[0], 0);
    assert.equal(out.input[255 * SIZE], 1);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  meanSquaredError,
  psnr,
  psnrDb,
  psnrDbRange,
  normalizedCrossCorrelation,
} from '../../src/metrics/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

function randomInts(length: number, max: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  return Int32Array.from({ length }, () => Math.floor(random() * (max + 1)));
}

const close = (actual: number, expected: number, tolerance = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} != ${expected}`);

describe('meanSquaredError', () => {
  const cases: Array<[string, number[], number[], number]> = [
    ['identical', [1, 2, 3], [1, 2, 3], 0],
    ['[0,0] vs [1,3]: (1 + 9) / 2', [0, 0], [1, 3], 5],
    ['sign does not matter', [3, 1], [0, 0], 5],
    ['one sample', [10], [7], 9],
    ['negative stored values', [-1000, -1024], [-1001, -1020], 8.5],
  ];
  for (const [name, a, b, expected] of cases) {
    it(name, () => assert.equal(meanSquaredError(a, b), expected));
  }

  it('accepts typed arrays of different kinds', () => {
    assert.equal(meanSquaredError(Int32Array.of(0, 0), Uint8Array.of(1, 3)), 5);
    assert.equal(meanSquaredError(Uint16Array.of(65535, 0), Float64Array.of(0, 0)), 65535 ** 2 / 2);
  });

  it('rejects arrays of different length and empty arrays with INTERNAL', () => {
    assert.throws(() => meanSquaredError([1], [1, 2]), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => meanSquaredError([], []), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

describe('psnr', () => {
  const cases: Array<[string, number[], number[], number, number]> = [
    ['MSE 5, MAX 255', [0, 0], [1, 3], 255, 10 * Math.log10(255 ** 2 / 5)],
    ['MSE 1, MAX 10 -> 20 dB', [0, 0, 0, 0], [1, 1, 1, 1], 10, 20],
    ['MSE 100, MAX 10 -> 0 dB', [0], [10], 10, 0],
    ['MSE 1, MAX 65535 -> 96.33 dB', [5, 5], [4, 6], 65535, 20 * Math.log10(65535)],
  ];
  for (const [name, a, b, max, expected] of cases) {
    it(name, () => close(psnr(a, b, max), expected));
  }

  it('is Infinity for identical arrays', () => assert.equal(psnr([1, 2], [1, 2], 255), Infinity));

  it('is symmetric', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const a = randomInts(500, 4095, seed);
      const b = randomInts(500, 4095, seed + 100);
      assert.equal(psnr(a, b, 4095), psnr(b, a, 4095));
    }
  });

  it('rejects a non-positive maxValue', () => {
    assert.throws(() => psnr([0], [1], 0), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => psnr([0], [1], Number.NaN), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

describe('psnrDb (MAX = 2^BitsStored − 1)', () => {
  it('uses 65535 for 16 bits and 4095 for 12 bits', () => {
    close(psnrDb([5, 5], [4, 6], 16), 20 * Math.log10(65535));
    close(psnrDb([5, 5], [4, 6], 12), 20 * Math.log10(4095));
  });
  it('matches the DESIGN §3 bound: MSE 0.084 at 16 bits is ≈ 107.1 dB, at 12 bits ≈ 83.0 dB', () => {
    // 84 changes of ±1 in 1000 pixels.
    const cover = new Int32Array(1000);
    const stego = cover.map((_, i) => (i < 84 ? 1 : 0));
    close(psnrDb(cover, stego, 16), 107.1, 0.05);
    close(psnrDb(cover, stego, 12), 83.0, 0.05);
  });
  it('rejects a bad bitsStored', () => {
    assert.throws(() => psnrDb([0], [1], 0), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => psnrDb([0], [1], 12.5), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

describe('psnrDbRange (MAX = max(cover) − min(cover))', () => {
  it('uses the cover range, not the stego range', () => {
    // Cover range 100 − (−100) = 200, MSE = (0 + 1 + 1 + 0) / 4 = 0.5.
    close(psnrDbRange([-100, 0, 50, 100], [-100, 1, 49, 100]), 10 * Math.log10(200 ** 2 / 0.5));
    // Stego values outside the cover range do not widen MAX: range 10, MSE 1/2 and 2500/2.
    close(psnrDbRange([0, 10], [0, 11]), 10 * Math.log10(100 / 0.5));
    close(psnrDbRange([0, 10], [-50, 10]), 10 * Math.log10(100 / 1250));
  });
  it('equals psnr with MAX 65535 after the paper\'s min–max stretch to [0, 65535]', () => {
    const cover = randomInts(1000, 3000, 7);
    const stego = cover.map((v, i) => v + (i % 3) - 1);
    let min = Infinity;
    let max = -Infinity;
    for (const v of cover) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const stretch = (v: number): number => ((v - min) / (max - min)) * 65535;
    close(psnrDbRange(cover, stego), psnr(Array.from(cover, stretch), Array.from(stego, stretch), 65535), 1e-9);
  });
  it('is Infinity for identical images, −Infinity for a changed constant cover', () => {
    assert.equal(psnrDbRange([3, 3], [3, 3]), Infinity);
    assert.equal(psnrDbRange([3, 3], [3, 4]), -Infinity);
  });
});

describe('normalizedCrossCorrelation (Eq. 13, Pearson form)', () => {
  const cases: Array<[string, number[], number[], number]> = [
    ['identical', [1, 2, 3, 4], [1, 2, 3, 4], 1],
    ['opposite', [1, 2, 3], [3, 2, 1], -1],
    // a − μa = [−1, 0, 1], b − μb = [−1/3, −1/3, 2/3]: Σ = 1, sqrt(2 · 2/3) -> 1 / sqrt(4/3) = sqrt(3)/2.
    ['hand-computed [1,2,3] vs [0,0,1]', [1, 2, 3], [0, 0, 1], Math.sqrt(3) / 2],
    ['uncorrelated [1,−1,1,−1] vs [1,1,−1,−1]', [1, -1, 1, -1], [1, 1, -1, -1], 0],
    ['both constant and equal (two empty masks)', [0, 0, 0], [0, 0, 0], 1],
    ['both constant, different', [0, 0, 0], [1, 1, 1], 0],
    ['one constant', [0, 0, 0], [0, 1, 0], 0],
    ['the other constant', [0, 1, 0], [5, 5, 5], 0],
  ];
  for (const [name, a, b, expected] of cases) {
    it(name, () => close(normalizedCrossCorrelation(a, b), expected));
  }

  it('is invariant to gain and offset: NCC(x, 2x + 3) = 1 and NCC(x, −x) = −1', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const x = randomInts(1000, 65535, seed);
      close(normalizedCrossCorrelation(x, x.map((v) => 2 * v + 3)), 1);
      close(normalizedCrossCorrelation(x, Float64Array.from(x, (v) => -v)), -1);
    }
  });

  it('is symmetric and stays within [−1, 1]', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const a = randomInts(300, 10, seed);
      const b = randomInts(300, 10, seed + 50);
      const r = normalizedCrossCorrelation(a, b);
      assert.equal(r, normalizedCrossCorrelation(b, a));
      assert.ok(r >= -1 && r <= 1);
    }
  });

  it('stays accurate with a large mean (no one-pass cancellation)', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => 1e9 + (i % 7));
    close(normalizedCrossCorrelation(x, x.map((v) => v + 5)), 1, 1e-9);
  });
});

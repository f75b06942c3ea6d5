import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { structuralSimilarity } from '../../src/metrics/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

function image(rows: number, cols: number, f: (i: number, j: number) => number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = f(i, j);
  return out;
}

/**
 * Independent, deliberately naive SSIM: full 2-D windows, centred variances Σw(x − μ)² instead of
 * the E[x²] − μ² form used by the separable implementation.
 */
function naiveSsim(a: Float64Array, b: Float64Array, rows: number, cols: number, range: number): number {
  const g = Array.from({ length: 11 }, (_, i) => Math.exp(-((i - 5) ** 2) / (2 * 1.5 ** 2)));
  const s = g.reduce((x, y) => x + y, 0);
  const w = (i: number, j: number): number => (g[i]! / s) * (g[j]! / s);
  const c1 = (0.01 * range) ** 2;
  const c2 = (0.03 * range) ** 2;
  let total = 0;
  let count = 0;
  for (let r = 0; r + 11 <= rows; r++) {
    for (let c = 0; c + 11 <= cols; c++) {
      let ma = 0;
      let mb = 0;
      for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) {
        ma += w(i, j) * a[(r + i) * cols + c + j]!;
        mb += w(i, j) * b[(r + i) * cols + c + j]!;
      }
      let va = 0;
      let vb = 0;
      let cv = 0;
      for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) {
        const x = a[(r + i) * cols + c + j]! - ma;
        const y = b[(r + i) * cols + c + j]! - mb;
        va += w(i, j) * x * x;
        vb += w(i, j) * y * y;
        cv += w(i, j) * x * y;
      }
      total += ((2 * ma * mb + c1) * (2 * cv + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      count++;
    }
  }
  return total / count;
}

const close = (actual: number, expected: number, tolerance: number): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} != ${expected}`);

describe('structuralSimilarity (Wang et al. 2004, 11×11 Gaussian σ 1.5, valid windows)', () => {
  // Values computed by an independent Python (standard library only) implementation of the same
  // definition: direct 2-D windows and centred moments.
  const a1 = image(12, 14, (i, j) => (i * 7 + j * 13) % 31);
  const b1 = image(12, 14, (i, j) => ((i * 7 + j * 13) % 31) + ((i * j) % 5) - 2);
  const a2 = image(16, 18, (i, j) => 1000 + 37 * ((i * i + 3 * j) % 17));
  const b2 = image(16, 18, (i, j) => a2[i * 18 + j]! + 9 * (((i * 31 + j * 17) % 11) - 5));

  it('matches the Python reference, L = max − min of a (default)', () => {
    close(structuralSimilarity(a1, b1, 12, 14), 0.9851222551884881, 1e-12);
    close(structuralSimilarity(a2, b2, 16, 18), 0.9879207168204228, 1e-12);
  });

  it('matches the Python reference with an explicit L = 255', () => {
    close(structuralSimilarity(a1, b1, 12, 14, { dynamicRange: 255 }), 0.9889854100800444, 1e-12);
  });

  it('matches a naive 2-D implementation on random images', () => {
    let state = 99;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
    for (let trial = 0; trial < 3; trial++) {
      const rows = 13 + trial * 3;
      const cols = 17 + trial;
      const a = image(rows, cols, () => Math.floor(random() * 4096));
      const b = a.map((v) => v + Math.floor(random() * 200) - 100);
      close(structuralSimilarity(a, b, rows, cols, { dynamicRange: 4095 }), naiveSsim(a, b, rows, cols, 4095), 1e-10);
    }
  });

  it('is 1 for identical images, also constant ones', () => {
    const a = image(32, 32, (i, j) => (i * 31 + j * 17) % 256);
    close(structuralSimilarity(a, a, 32, 32), 1, 1e-12);
    const flat = new Float64Array(16 * 16).fill(7);
    close(structuralSimilarity(flat, flat, 16, 16), 1, 1e-12);
  });

  it('drops as noise grows and is symmetric for a fixed L', () => {
    const a = image(64, 64, (i, j) => 500 + 300 * Math.sin(i / 6) * Math.cos(j / 9));
    let previous = 1;
    for (const amplitude of [5, 50, 200]) {
      const b = a.map((v, k) => v + amplitude * (((k * 2654435761) >>> 0) / 4294967296 - 0.5));
      const value = structuralSimilarity(a, b, 64, 64, { dynamicRange: 600 });
      assert.ok(value < previous, `${value} !< ${previous}`);
      close(value, structuralSimilarity(b, a, 64, 64, { dynamicRange: 600 }), 1e-12);
      previous = value;
    }
    assert.ok(previous < 0.9);
  });

  it('accepts integer typed arrays', () => {
    const a = Int32Array.from(a1);
    const b = Int16Array.from(b1);
    close(structuralSimilarity(a, b, 12, 14), 0.9851222551884881, 1e-12);
  });

  it('rejects images smaller than the window, wrong shapes and a bad range', () => {
    const small = new Float64Array(10 * 20);
    assert.throws(() => structuralSimilarity(small, small, 10, 20), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => structuralSimilarity(a1, b1, 14, 13), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => structuralSimilarity(a1, b1, 12, 14, { dynamicRange: 0 }), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

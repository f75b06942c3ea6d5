import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardDct4x4, inverseDct4x4, BLOCK_LENGTH } from '../../src/dct/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

/** The textbook double sum of the paper's Eq. (4), written independently of the implementation. */
function textbookDct(block: number[]): number[] {
  const out: number[] = [];
  const a = (u: number) => (u === 0 ? Math.sqrt(1 / 4) : Math.sqrt(2 / 4));
  for (let u = 0; u < 4; u++) {
    for (let v = 0; v < 4; v++) {
      let sum = 0;
      for (let m = 0; m < 4; m++) {
        for (let n = 0; n < 4; n++) {
          sum += block[m * 4 + n]! * Math.cos(((2 * m + 1) * u * Math.PI) / 8) * Math.cos(((2 * n + 1) * v * Math.PI) / 8);
        }
      }
      out.push(a(u) * a(v) * sum);
    }
  }
  return out;
}

test('forward DCT matches the textbook formula on random blocks', () => {
  const random = seededRandom(7);
  for (let trial = 0; trial < 200; trial++) {
    const block = Array.from({ length: BLOCK_LENGTH }, () => Math.round(random() * 4095) - 1024);
    const expected = textbookDct(block);
    const actual = forwardDct4x4(block, new Float64Array(BLOCK_LENGTH));
    for (let i = 0; i < BLOCK_LENGTH; i++) assert.ok(Math.abs(actual[i]! - expected[i]!) < 1e-9, `coefficient ${i}`);
  }
});

test('inverse undoes forward, also in place', () => {
  const random = seededRandom(11);
  const block = new Float64Array(BLOCK_LENGTH).map(() => random() * 1000);
  const copy = Float64Array.from(block);
  forwardDct4x4(block, block);
  inverseDct4x4(block, block);
  for (let i = 0; i < BLOCK_LENGTH; i++) assert.ok(Math.abs(block[i]! - copy[i]!) < 1e-9);
});

test('a constant block has only a DC coefficient equal to 4 × value (orthonormal)', () => {
  const c = forwardDct4x4(new Float64Array(BLOCK_LENGTH).fill(10), new Float64Array(BLOCK_LENGTH));
  assert.ok(Math.abs(c[0]! - 40) < 1e-12);
  for (let i = 1; i < BLOCK_LENGTH; i++) assert.ok(Math.abs(c[i]!) < 1e-12);
});

test('Parseval: energy is preserved', () => {
  const random = seededRandom(3);
  const block = Array.from({ length: BLOCK_LENGTH }, () => random() * 100 - 50);
  const c = forwardDct4x4(block, new Float64Array(BLOCK_LENGTH));
  const energy = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x * x, 0);
  assert.ok(Math.abs(energy(block) - energy(c)) < 1e-9);
});

test('rounding pixels by at most 0.5 moves every coefficient by at most 2.0', () => {
  const random = seededRandom(5);
  for (let trial = 0; trial < 2000; trial++) {
    const error = Array.from({ length: BLOCK_LENGTH }, () => (random() < 0.5 ? -0.5 : 0.5));
    const c = forwardDct4x4(error, new Float64Array(BLOCK_LENGTH));
    for (let i = 0; i < BLOCK_LENGTH; i++) assert.ok(Math.abs(c[i]!) <= 2.0 + 1e-12);
  }
});

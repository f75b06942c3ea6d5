import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integerPixelPsnrBound } from '../../src/metrics/index.ts';

test('integer-pixel bound reproduces DESIGN §3 (α → PSNR with MAX 65535 and 4095)', () => {
  const pixels = 512 * 512;
  for (const [alpha, mse, max16, max12] of [
    [0.5, 0.084, 107.1, 83.0],
    [0.25, 0.0343, 111.0, 86.9],
    [0.1, 0.0112, 115.8, 91.7],
  ] as const) {
    const bound16 = integerPixelPsnrBound(alpha * pixels, pixels, 65535);
    assert.ok(Math.abs(bound16.mse - mse) < 0.0005, `α ${alpha}: mse ${bound16.mse}`);
    assert.ok(Math.abs(bound16.psnrDb - max16) < 0.05, `α ${alpha}: ${bound16.psnrDb}`);
    assert.ok(Math.abs(integerPixelPsnrBound(alpha * pixels, pixels, 4095).psnrDb - max12) < 0.05);
  }
});

test('the bound falls as the payload grows, is infinite for nothing, undefined beyond log2(3) bits per pixel', () => {
  let previous = Infinity;
  for (let bits = 64; bits <= 262144; bits *= 2) {
    const { psnrDb } = integerPixelPsnrBound(bits, 262144, 4095);
    assert.ok(psnrDb < previous);
    previous = psnrDb;
  }
  assert.equal(integerPixelPsnrBound(0, 100, 4095).psnrDb, Infinity);
  assert.ok(Number.isNaN(integerPixelPsnrBound(200, 100, 4095).psnrDb));
  // A binary ±1 change per bit (LSB replacement, no coding) costs MSE α/2: the bound is below that.
  assert.ok(integerPixelPsnrBound(0.1 * 1e6, 1e6, 4095).mse < 0.05);
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capacityBitsPerPixel, payloadRatio } from '../../src/metrics/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

describe('capacityBitsPerPixel', () => {
  it("reproduces the paper's Table 7: 131,524 bits on 512 × 512 ≈ 0.50 bpp", () => {
    assert.equal(capacityBitsPerPixel(131524, 512, 512), 131524 / 262144);
    assert.equal(capacityBitsPerPixel(131524, 512, 512).toFixed(2), '0.50');
  });
  it('is 0 for no capacity and 1 for one bit per pixel', () => {
    assert.equal(capacityBitsPerPixel(0, 4, 4), 0);
    assert.equal(capacityBitsPerPixel(16, 4, 4), 1);
  });
  it('rejects bad shapes and bit counts', () => {
    assert.throws(() => capacityBitsPerPixel(1, 0, 4), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => capacityBitsPerPixel(1, 4, 2.5), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => capacityBitsPerPixel(-1, 4, 4), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

describe('payloadRatio', () => {
  it('divides payload bits by all pixels (Table 5 convention)', () => {
    // A version-16 QR (81 × 81 = 6,561 modules) on a 256 × 256 MR slice: ≈ 0.10, like Table 5's MR rows.
    assert.equal(payloadRatio(6561, 256, 256), 6561 / 65536);
    assert.equal(payloadRatio(6561, 256, 256).toFixed(2), '0.10');
  });
  it('rejects a NaN payload', () => {
    assert.throws(() => payloadRatio(Number.NaN, 4, 4), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

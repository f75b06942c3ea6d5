import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { otsuThreshold } from '../../src/segmentation/otsuThreshold.ts';

describe('otsuThreshold', () => {
  it('splits two clusters between them', () => {
    const values = [...Array(100).fill(10), ...Array(50).fill(200)];
    const t = otsuThreshold(values);
    assert.ok(t >= 10 && t < 200, `threshold ${t}`);
    assert.equal(values.filter((v) => v > t).length, 50);
  });
  it('clamps values outside the given range into the end bins', () => {
    const values = [-50, 0, 1, 2, 98, 99, 100, 500];
    const t = otsuThreshold(values, { low: 0, high: 100, bins: 100 });
    assert.deepEqual(values.filter((v) => v > t), [98, 99, 100, 500]);
  });
  it('returns the high end for a flat image', () => {
    assert.equal(otsuThreshold([5, 5, 5]), 5);
  });
  it('rejects fewer than two bins', () => {
    assert.throws(() => otsuThreshold([1, 2], { bins: 1 }), RangeError);
  });
});

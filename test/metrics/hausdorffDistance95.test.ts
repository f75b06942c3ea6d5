/**
 * HD95 against a brute-force definition (every boundary pixel to every other boundary pixel) on
 * random masks, and against hand-worked cases (shifted squares, empty masks).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hausdorffDistance95 } from '../../src/metrics/index.ts';
import { seededRandom as createSeededRandom } from '../helpers/seededRandom.ts';

function boundary(mask: Uint8Array, rows: number, cols: number): [number, number][] {
  const points: [number, number][] = [];
  const at = (y: number, x: number) => (y < 0 || x < 0 || y >= rows || x >= cols ? 0 : mask[y * cols + x]!);
  for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) if (at(y, x) && (!at(y - 1, x) || !at(y + 1, x) || !at(y, x - 1) || !at(y, x + 1))) points.push([y, x]);
  return points;
}

function bruteForce(a: Uint8Array, b: Uint8Array, rows: number, cols: number): number {
  const pa = boundary(a, rows, cols);
  const pb = boundary(b, rows, cols);
  const nearest = (from: [number, number][], to: [number, number][]) => from.map(([y, x]) => Math.min(...to.map(([v, u]) => Math.hypot(v - y, u - x))));
  const all = [...nearest(pa, pb), ...nearest(pb, pa)].sort((p, q) => p - q);
  const position = 0.95 * (all.length - 1);
  const low = Math.floor(position);
  const high = Math.min(all.length - 1, low + 1);
  return all[low]! + (all[high]! - all[low]!) * (position - low);
}

function square(rows: number, cols: number, top: number, left: number, side: number): Uint8Array {
  const mask = new Uint8Array(rows * cols);
  for (let y = top; y < top + side; y++) mask.fill(1, y * cols + left, y * cols + left + side);
  return mask;
}

describe('hausdorffDistance95', () => {
  it('is 0 for identical masks and for two empty masks, the diagonal when one is empty', () => {
    const a = square(20, 30, 5, 5, 8);
    assert.equal(hausdorffDistance95(a, a, 20, 30), 0);
    assert.equal(hausdorffDistance95(new Uint8Array(600), new Uint8Array(600), 20, 30), 0);
    assert.equal(hausdorffDistance95(a, new Uint8Array(600), 20, 30), Math.hypot(20, 30));
  });

  it('measures a shift of a square by 3 pixels as 3', () => {
    assert.equal(hausdorffDistance95(square(40, 40, 10, 10, 12), square(40, 40, 10, 13, 12), 40, 40), 3);
  });

  it('agrees with the brute-force definition on random blobs', () => {
    const random = createSeededRandom(11);
    for (let trial = 0; trial < 20; trial++) {
      const rows = 10 + Math.floor(random() * 20);
      const cols = 10 + Math.floor(random() * 20);
      const blob = () => {
        const m = new Uint8Array(rows * cols);
        const cy = random() * rows;
        const cx = random() * cols;
        const r = 2 + random() * 8;
        for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) if (Math.hypot(y - cy, x - cx) < r || random() < 0.05) m[y * cols + x] = 1;
        return m;
      };
      const a = blob();
      const b = blob();
      const expected = bruteForce(a, b, rows, cols);
      assert.ok(Math.abs(hausdorffDistance95(a, b, rows, cols) - expected) < 1e-9, `trial ${trial}: ${hausdorffDistance95(a, b, rows, cols)} vs ${expected}`);
    }
  });

  it('refuses a size that does not match the samples', () => {
    assert.throws(() => hausdorffDistance95(new Uint8Array(10), new Uint8Array(10), 3, 3), RangeError);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectedComponents, type Connectivity } from '../../src/segmentation/connectedComponents.ts';
import { parseMask, seededRandom } from './maskPictures.ts';

/** Reference labelling by flood fill in raster order (labels 1..n by first pixel). */
function referenceLabels(mask: Uint8Array, rows: number, cols: number, connectivity: Connectivity): Int32Array {
  const labels = new Int32Array(rows * cols);
  let next = 0;
  const steps = connectivity === 8 ? [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]] : [[-1, 0], [0, -1], [0, 1], [1, 0]];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    labels[start] = ++next;
    const stack = [start];
    while (stack.length) {
      const i = stack.pop()!;
      const y = Math.floor(i / cols);
      const x = i % cols;
      for (const [dy, dx] of steps) {
        const yy = y + dy!;
        const xx = x + dx!;
        if (yy < 0 || yy >= rows || xx < 0 || xx >= cols) continue;
        const j = yy * cols + xx;
        if (mask[j] && !labels[j]) {
          labels[j] = next;
          stack.push(j);
        }
      }
    }
  }
  return labels;
}

describe('connectedComponents', () => {
  const cases: { name: string; picture: string[]; connectivity: Connectivity; count: number; sizes: number[] }[] = [
    { name: 'diagonal neighbours join with 8-connectivity', picture: ['#..', '.#.', '..#'], connectivity: 8, count: 1, sizes: [3] },
    { name: 'diagonal neighbours stay apart with 4-connectivity', picture: ['#..', '.#.', '..#'], connectivity: 4, count: 3, sizes: [1, 1, 1] },
    { name: 'a U joins its arms through the bottom row', picture: ['#.#', '#.#', '###'], connectivity: 4, count: 1, sizes: [7] },
    { name: 'a V (two arms meeting late) is one component', picture: ['#...#', '.#.#.', '..#..'], connectivity: 8, count: 1, sizes: [5] },
    { name: 'labels follow the raster order of first pixels', picture: ['..#', '#..', '#.#'], connectivity: 4, count: 3, sizes: [1, 2, 1] },
    { name: 'empty mask', picture: ['...', '...'], connectivity: 8, count: 0, sizes: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { mask, rows, cols } = parseMask(c.picture);
      const result = connectedComponents(mask, rows, cols, c.connectivity);
      assert.equal(result.count, c.count);
      assert.deepEqual(Array.from(result.sizes.subarray(1)), c.sizes);
      assert.deepEqual(result.labels, referenceLabels(mask, rows, cols, c.connectivity));
    });
  }

  it('reports bounding boxes', () => {
    const { mask, rows, cols } = parseMask(['.....', '.##..', '..#..', '....#']);
    const result = connectedComponents(mask, rows, cols, 4);
    assert.equal(result.count, 2);
    assert.deepEqual([result.minRow[1], result.maxRow[1], result.minCol[1], result.maxCol[1]], [1, 2, 1, 2]);
    assert.deepEqual([result.minRow[2], result.maxRow[2], result.minCol[2], result.maxCol[2]], [3, 3, 4, 4]);
  });

  for (const connectivity of [4, 8] as const) {
    it(`equals a flood-fill reference on random masks (${connectivity}-connectivity)`, () => {
      const next = seededRandom(connectivity);
      for (let trial = 0; trial < 20; trial++) {
        const rows = 5 + Math.floor(next() * 40);
        const cols = 5 + Math.floor(next() * 40);
        const density = [0.2, 0.45, 0.6, 0.8][trial % 4]!;
        const mask = new Uint8Array(rows * cols).map(() => (next() < density ? 1 : 0));
        const result = connectedComponents(mask, rows, cols, connectivity);
        const reference = referenceLabels(mask, rows, cols, connectivity);
        assert.deepEqual(result.labels, reference);
        let total = 0;
        for (let l = 1; l <= result.count; l++) total += result.sizes[l]!;
        assert.equal(total, mask.reduce((a, v) => a + v, 0));
      }
    });
  }

  it('rejects a size mismatch and a bad connectivity', () => {
    assert.throws(() => connectedComponents(new Uint8Array(3), 2, 2), RangeError);
    assert.throws(() => connectedComponents(new Uint8Array(4), 2, 2, 6 as Connectivity), RangeError);
  });
});

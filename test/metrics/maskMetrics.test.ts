import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diceCoefficient, intersectionOverUnion, bitErrorRate } from '../../src/metrics/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

describe('intersectionOverUnion and diceCoefficient', () => {
  // [name, a, b, IoU, Dice]
  const cases: Array<[string, number[], number[], number, number]> = [
    ['identical', [1, 1, 0, 0], [1, 1, 0, 0], 1, 1],
    ['disjoint', [1, 1, 0, 0], [0, 0, 1, 1], 0, 0],
    ['half overlap: |A∩B| 1, |A∪B| 3', [1, 1, 0, 0], [0, 1, 1, 0], 1 / 3, 1 / 2],
    ['subset: |A∩B| 1, |A∪B| 4', [1, 0, 0, 0], [1, 1, 1, 1], 1 / 4, 2 / 5],
    ['both empty agree perfectly', [0, 0, 0], [0, 0, 0], 1, 1],
    ['one empty', [0, 0, 0], [0, 1, 0], 0, 0],
    ['non-zero labels count as foreground', [255, 0], [1, 0], 1, 1],
    ['zero-length masks', [], [], 1, 1],
  ];
  for (const [name, a, b, iou, dice] of cases) {
    it(name, () => {
      assert.equal(intersectionOverUnion(Uint8Array.from(a), Uint8Array.from(b)), iou);
      assert.equal(diceCoefficient(Uint8Array.from(a), Uint8Array.from(b)), dice);
    });
  }

  it('satisfies Dice = 2·IoU / (1 + IoU) and symmetry on random masks', () => {
    let state = 12345;
    const bit = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 16) & 1;
    };
    for (let trial = 0; trial < 20; trial++) {
      const a = Uint8Array.from({ length: 200 }, bit);
      const b = Uint8Array.from({ length: 200 }, bit);
      const iou = intersectionOverUnion(a, b);
      assert.ok(Math.abs(diceCoefficient(a, b) - (2 * iou) / (1 + iou)) < 1e-12);
      assert.equal(iou, intersectionOverUnion(b, a));
    }
  });

  it('rejects masks of different length', () => {
    assert.throws(() => intersectionOverUnion(new Uint8Array(3), new Uint8Array(4)), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => diceCoefficient(new Uint8Array(3), new Uint8Array(4)), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

describe('bitErrorRate', () => {
  const cases: Array<[string, number[], number[], number]> = [
    ['no errors', [0, 1, 1, 0], [0, 1, 1, 0], 0],
    ['one of four', [0, 1, 1, 0], [0, 1, 0, 0], 0.25],
    ['all flipped', [0, 1], [1, 0], 1],
    ['non-zero is a 1 bit', [0, 1], [0, 255], 0],
    ['nothing compared', [], [], 0],
  ];
  for (const [name, sent, received, expected] of cases) {
    it(name, () => assert.equal(bitErrorRate(Uint8Array.from(sent), Uint8Array.from(received)), expected));
  }
  it('rejects streams of different length', () => {
    assert.throws(() => bitErrorRate(new Uint8Array(8), new Uint8Array(7)), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

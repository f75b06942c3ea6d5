import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fillHoles, type FillHolesOptions } from '../../src/segmentation/fillHoles.ts';
import { drawMask, parseMask } from './maskPictures.ts';

describe('fillHoles', () => {
  const cases: { name: string; input: string[]; options?: FillHolesOptions; expected: string[] }[] = [
    {
      name: 'fills an enclosed hole',
      input: ['.....', '.###.', '.#.#.', '.###.', '.....'],
      expected: ['.....', '.###.', '.###.', '.###.', '.....'],
    },
    {
      name: 'a diagonal chain of body pixels encloses (background is 4-connected)',
      input: ['.....', '..#..', '.#.#.', '..#..', '.....'],
      expected: ['.....', '..#..', '.###.', '..#..', '.....'],
    },
    {
      name: 'classic filling leaves a region that touches the border',
      input: ['#####', '#...#', '#...#', '#...#', '##.##'],
      expected: ['#####', '#...#', '#...#', '#...#', '##.##'],
    },
    {
      name: 'border rule: a lung cut by the border (outline mostly body) is filled',
      input: ['#######', '#.....#', '#.....#', '#.....#', '##...##'],
      options: { maxBorderContactFraction: 0.3 },
      expected: ['#######', '#######', '#######', '#######', '#######'],
    },
    {
      name: 'border rule: outside air around a body stays outside',
      input: ['.......', '.......', '..###..', '..###..', '.......'],
      options: { maxBorderContactFraction: 0.3 },
      expected: ['.......', '.......', '..###..', '..###..', '.......'],
    },
    {
      name: 'evidence: a border region mostly marked as lung-like is filled',
      input: ['#####', '#....', '#....', '#####'],
      options: { insideEvidence: Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0]) },
      expected: ['#####', '#####', '#####', '#####'],
    },
    {
      name: 'evidence below the fraction does not fill',
      input: ['#####', '#....', '#....', '#####'],
      options: { insideEvidence: Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]) },
      expected: ['#####', '#....', '#....', '#####'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { mask, rows, cols } = parseMask(c.input);
      assert.deepEqual(drawMask(fillHoles(mask, rows, cols, c.options), cols), c.expected);
    });
  }

  it('rejects a fraction outside [0, 1)', () => {
    assert.throws(() => fillHoles(new Uint8Array(4), 2, 2, { maxBorderContactFraction: 1 }), RangeError);
  });
});

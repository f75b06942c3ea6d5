import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeMask, dilateMask, erodeMask, openMask, type StructuringElement } from '../../src/segmentation/morphology.ts';
import { drawMask as draw, parseMask as parse, seededRandom as random } from './maskPictures.ts';

/** Reference definitions, pixel by pixel (outside the image: background for dilation, foreground for erosion). */
function inElement(dx: number, dy: number, element: StructuringElement): boolean {
  return element.shape === 'square' ? Math.max(Math.abs(dx), Math.abs(dy)) <= element.radius : dx * dx + dy * dy <= element.radius * element.radius;
}
function referenceDilate(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  const out = new Uint8Array(rows * cols);
  const r = element.radius;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let hit = 0;
      for (let dy = -r; dy <= r && !hit; dy++) {
        for (let dx = -r; dx <= r && !hit; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (inElement(dx, dy, element) && yy >= 0 && yy < rows && xx >= 0 && xx < cols && mask[yy * cols + xx]) hit = 1;
        }
      }
      out[y * cols + x] = hit;
    }
  }
  return out;
}
function referenceErode(mask: Uint8Array, rows: number, cols: number, element: StructuringElement): Uint8Array {
  const out = new Uint8Array(rows * cols);
  const r = element.radius;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let all = 1;
      for (let dy = -r; dy <= r && all; dy++) {
        for (let dx = -r; dx <= r && all; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (inElement(dx, dy, element) && yy >= 0 && yy < rows && xx >= 0 && xx < cols && !mask[yy * cols + xx]) all = 0;
        }
      }
      out[y * cols + x] = all;
    }
  }
  return out;
}

describe('dilateMask / erodeMask: hand-made cases', () => {
  const cases: { name: string; input: string[]; element: StructuringElement; op: 'dilate' | 'erode' | 'open' | 'close'; expected: string[] }[] = [
    {
      name: 'disk radius 1 dilates a point into a plus',
      input: ['.....', '.....', '..#..', '.....', '.....'],
      element: { shape: 'disk', radius: 1 },
      op: 'dilate',
      expected: ['.....', '..#..', '.###.', '..#..', '.....'],
    },
    {
      name: 'disk radius 2 dilates a point into the 13-pixel disk',
      input: ['.....', '.....', '..#..', '.....', '.....'],
      element: { shape: 'disk', radius: 2 },
      op: 'dilate',
      expected: ['..#..', '.###.', '#####', '.###.', '..#..'],
    },
    {
      name: 'square radius 1 dilates a point into a 3x3 block',
      input: ['.....', '.....', '..#..', '.....', '.....'],
      element: { shape: 'square', radius: 1 },
      op: 'dilate',
      expected: ['.....', '.###.', '.###.', '.###.', '.....'],
    },
    {
      name: 'dilation is clipped at the border (outside counts as background)',
      input: ['#....', '.....', '.....'],
      element: { shape: 'square', radius: 1 },
      op: 'dilate',
      expected: ['##...', '##...', '.....'],
    },
    {
      name: 'erosion with a disk shrinks a block from inside edges only (outside counts as foreground)',
      input: ['####.', '####.', '####.', '.....'],
      element: { shape: 'disk', radius: 1 },
      op: 'erode',
      expected: ['###..', '###..', '.....', '.....'],
    },
    {
      name: 'radius 0 is the identity',
      input: ['#.#', '.#.'],
      element: { shape: 'disk', radius: 0 },
      op: 'erode',
      expected: ['#.#', '.#.'],
    },
    {
      name: 'opening removes a one-pixel bridge and keeps the blocks',
      input: ['.......', '###.###', '#######', '###.###', '.......'],
      element: { shape: 'square', radius: 1 },
      op: 'open',
      expected: ['.......', '###.###', '###.###', '###.###', '.......'],
    },
    {
      name: 'closing seals a one-pixel gap',
      input: ['.......', '.##.##.', '.##.##.', '.##.##.', '.......'],
      element: { shape: 'square', radius: 1 },
      op: 'close',
      expected: ['.......', '.#####.', '.#####.', '.#####.', '.......'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { mask, rows, cols } = parse(c.input);
      const op = { dilate: dilateMask, erode: erodeMask, open: openMask, close: closeMask }[c.op];
      assert.deepEqual(draw(op(mask, rows, cols, c.element), cols), c.expected);
    });
  }

  it('does not modify its input and returns 0/1 values', () => {
    const { mask, rows, cols } = parse(['.#.', '###', '.#.']);
    mask[4] = 7;
    const copy = Uint8Array.from(mask);
    const out = dilateMask(mask, rows, cols, { shape: 'disk', radius: 1 });
    assert.deepEqual(mask, copy);
    assert.ok(out.every((v) => v === 0 || v === 1));
  });

  it('rejects a bad radius or a size mismatch', () => {
    assert.throws(() => dilateMask(new Uint8Array(4), 2, 2, { shape: 'disk', radius: 1.5 }), RangeError);
    assert.throws(() => erodeMask(new Uint8Array(5), 2, 2, { shape: 'disk', radius: 1 }), RangeError);
  });
});

describe('dilateMask / erodeMask equal the pixel-by-pixel definition', () => {
  for (const shape of ['disk', 'square'] as const) {
    for (const radius of [1, 2, 3, 5, 8]) {
      it(`${shape} radius ${radius} on random masks`, () => {
        const next = random(radius * 31 + (shape === 'disk' ? 1 : 2));
        for (let trial = 0; trial < 6; trial++) {
          const rows = 8 + Math.floor(next() * 30);
          const cols = 8 + Math.floor(next() * 30);
          const density = [0.02, 0.1, 0.5, 0.9][trial % 4]!;
          const mask = new Uint8Array(rows * cols).map(() => (next() < density ? 1 : 0));
          const element = { shape, radius };
          assert.deepEqual(dilateMask(mask, rows, cols, element), referenceDilate(mask, rows, cols, element));
          assert.deepEqual(erodeMask(mask, rows, cols, element), referenceErode(mask, rows, cols, element));
        }
      });
    }
  }
});

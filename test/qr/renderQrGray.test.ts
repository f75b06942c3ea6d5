import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderQrGray } from '../../src/qr/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

describe('renderQrGray', () => {
  // A 2×2 "matrix": dark at (0,0) and (1,1).
  const modules = Uint8Array.of(1, 0, 0, 1);

  it('draws one pixel per module with a 4-module quiet zone by default', () => {
    const image = renderQrGray(modules, 2);
    assert.equal(image.width, 10);
    assert.equal(image.height, 10);
    assert.equal(image.data.length, 100);
    const dark = [...image.data.keys()].filter((i) => image.data[i] === 0);
    assert.deepEqual(dark, [4 * 10 + 4, 5 * 10 + 5]);
    assert.ok(image.data.every((v) => v === 0 || v === 255));
  });

  it('scales modules into square blocks and honours the quiet zone option', () => {
    const image = renderQrGray(modules, 2, { scale: 3, quietZone: 1 });
    assert.equal(image.width, 12);
    const rows: string[] = [];
    for (let y = 0; y < image.height; y++) {
      rows.push([...image.data.subarray(y * image.width, (y + 1) * image.width)].map((v) => (v === 0 ? '#' : '.')).join(''));
    }
    assert.deepEqual(rows, [
      '............',
      '............',
      '............',
      '...###......',
      '...###......',
      '...###......',
      '......###...',
      '......###...',
      '......###...',
      '............',
      '............',
      '............',
    ]);
  });

  it('renders without a quiet zone when asked', () => {
    const image = renderQrGray(modules, 2, { quietZone: 0 });
    assert.deepEqual([...image.data], [0, 255, 255, 0]);
  });

  it('rejects bad arguments with INTERNAL', () => {
    assert.throws(() => renderQrGray(modules, 3), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => renderQrGray(modules, 2, { scale: 0 }), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => renderQrGray(modules, 2, { quietZone: -1 }), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => renderQrGray(modules, 2, { scale: 1.5 }), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

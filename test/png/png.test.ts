import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from 'fast-png';
import { decodePng, encodeGrayPng } from '../../src/png/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('encodeGrayPng', () => {
  it('starts with the PNG signature and an IHDR for 8-bit grayscale', () => {
    const png = encodeGrayPng(3, 2, Uint8Array.of(0, 1, 2, 253, 254, 255));
    assert.ok(png instanceof Uint8Array);
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    // First chunk: length 13, type IHDR, width 3, height 2, bit depth 8, colour type 0 (grayscale).
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    assert.equal(view.getUint32(8), 13);
    assert.equal(String.fromCharCode(...png.subarray(12, 16)), 'IHDR');
    assert.equal(view.getUint32(16), 3);
    assert.equal(view.getUint32(20), 2);
    assert.equal(png[24], 8);
    assert.equal(png[25], 0);
  });

  it('round-trips 8-bit samples exactly', () => {
    const width = 37;
    const height = 23;
    const data = Uint8Array.from({ length: width * height }, (_, i) => (i * 97) % 256);
    const decoded = decodePng(encodeGrayPng(width, height, data));
    assert.equal(decoded.width, width);
    assert.equal(decoded.height, height);
    assert.equal(decoded.channels, 1);
    assert.equal(decoded.depth, 8);
    assert.ok(decoded.data instanceof Uint8Array);
    assert.deepEqual(decoded.data, data);
  });

  it('round-trips 16-bit samples from a Uint16Array', () => {
    const data = Uint16Array.of(0, 1, 4095, 65535, 32768, 256);
    const decoded = decodePng(encodeGrayPng(2, 3, data));
    assert.equal(decoded.depth, 16);
    assert.ok(decoded.data instanceof Uint16Array);
    assert.deepEqual([...decoded.data], [...data]);
  });

  it('rejects data that does not match the size with INTERNAL', () => {
    assert.throws(() => encodeGrayPng(2, 2, new Uint8Array(5)), (e) => isMedstegoError(e, 'INTERNAL'));
    assert.throws(() => encodeGrayPng(0, 0, new Uint8Array(0)), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

describe('decodePng', () => {
  it('unpacks 1-bit grayscale into one sample per element, values 0/1', () => {
    // 10 samples per row do not fill whole bytes: each row is padded to a byte boundary.
    const rows = [
      [1, 0, 1, 1, 0, 0, 0, 1, 1, 0],
      [0, 1, 0, 0, 1, 1, 1, 0, 0, 1],
    ];
    const packed = new Uint8Array(4);
    rows.forEach((row, r) => row.forEach((v, c) => (packed[r * 2 + (c >> 3)]! |= v << (7 - (c & 7)))));
    const decoded = decodePng(encode({ width: 10, height: 2, data: packed, channels: 1, depth: 1 }));
    assert.equal(decoded.depth, 1);
    assert.equal(decoded.channels, 1);
    assert.deepEqual([...decoded.data], rows.flat());
  });

  it('unpacks 4-bit grayscale', () => {
    const samples = [0, 15, 7, 8, 1];
    const packed = Uint8Array.of(0x0f, 0x78, 0x10);
    const decoded = decodePng(encode({ width: 5, height: 1, data: packed, channels: 1, depth: 4 }));
    assert.deepEqual([...decoded.data], samples);
  });

  it('expands palette images to RGB', () => {
    const png = encode({ width: 2, height: 1, data: Uint8Array.of(1, 0), channels: 1, depth: 8, palette: [[10, 20, 30], [40, 50, 60]] });
    const decoded = decodePng(png);
    assert.equal(decoded.channels, 3);
    assert.equal(decoded.depth, 8);
    assert.deepEqual([...decoded.data], [40, 50, 60, 10, 20, 30]);
  });

  it('keeps RGBA images interleaved', () => {
    const data = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const decoded = decodePng(encode({ width: 2, height: 1, data, channels: 4, depth: 8 }));
    assert.equal(decoded.channels, 4);
    assert.deepEqual(decoded.data, data);
  });

  it('rejects bytes without the PNG signature', () => {
    assert.throws(() => decodePng(Uint8Array.of(1, 2, 3)), (e) => isMedstegoError(e, 'IMAGE_INVALID'));
    assert.throws(() => decodePng(new Uint8Array(0)), (e) => isMedstegoError(e, 'IMAGE_INVALID'));
  });

  it('rejects a truncated PNG', () => {
    const png = encodeGrayPng(16, 16, new Uint8Array(256).fill(128));
    assert.throws(() => decodePng(png.subarray(0, 40)), (e) => isMedstegoError(e, 'IMAGE_INVALID'));
  });
});

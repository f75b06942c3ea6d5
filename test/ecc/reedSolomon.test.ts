import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as zxingNamespace from '@zxing/library';
import { encodeReedSolomon, decodeReedSolomon, encodeInterleaved, decodeInterleaved, planInterleavedLayout, crc32, gfMultiply, gfDivide } from '../../src/ecc/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

// @zxing/library: CommonJS in Node (classes on `default`), as in src/qr/decodeQrModules.ts.
const zxing = ((zxingNamespace as unknown as { default?: typeof zxingNamespace }).default ?? zxingNamespace) as typeof zxingNamespace;
const FIELD = zxing.GenericGF.QR_CODE_FIELD_256;

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** `count` distinct positions in [0, n). */
function positions(random: () => number, n: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * n));
  return [...chosen];
}

test('CRC-32 known vectors', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('GF(256) with 0x11d: multiplication and division are inverse', () => {
  assert.equal(gfMultiply(0x80, 2), 0x1d, 'x^7 · x = x^8 = x^4 + x^3 + x^2 + 1');
  for (let a = 1; a < 256; a += 7) for (let b = 1; b < 256; b += 11) assert.equal(gfDivide(gfMultiply(a, b), b), a);
});

test('known vector: the QR code "HELLO WORLD" 1-M error correction codewords', () => {
  const data = Uint8Array.of(32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17);
  const codeword = encodeReedSolomon(data, 10);
  assert.deepEqual([...codeword.subarray(16)], [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
});

test('encoding agrees with @zxing/library byte for byte', () => {
  const random = seededRandom(11);
  for (let trial = 0; trial < 50; trial++) {
    const parity = 2 + 2 * Math.floor(random() * 15);
    const data = randomBytes(random, 1 + Math.floor(random() * (255 - parity - 1)));
    const reference = new Int32Array(data.length + parity);
    reference.set(data);
    new zxing.ReedSolomonEncoder(FIELD).encode(reference, parity);
    assert.deepEqual([...encodeReedSolomon(data, parity)], [...reference]);
  }
});

test('differential: errors within the bound are corrected exactly like the errors-only reference', () => {
  const random = seededRandom(12);
  const decoder = new zxing.ReedSolomonDecoder(FIELD);
  for (let trial = 0; trial < 200; trial++) {
    const parity = 2 + 2 * Math.floor(random() * 16);
    const codeword = encodeReedSolomon(randomBytes(random, 10 + Math.floor(random() * (245 - parity))), parity);
    const received = codeword.slice();
    for (const p of positions(random, codeword.length, Math.floor(random() * (parity / 2 + 1)))) received[p] ^= 1 + Math.floor(random() * 255);
    const reference = Int32Array.from(received);
    decoder.decode(reference, parity);
    const ours = decodeReedSolomon(received, parity);
    assert.deepEqual([...ours.codeword], [...reference]);
    assert.deepEqual([...ours.codeword], [...codeword]);
  }
});

test('errors and erasures with 2e + f ≤ n − k always decode', () => {
  const random = seededRandom(13);
  for (let trial = 0; trial < 400; trial++) {
    const parity = 2 + Math.floor(random() * 40);
    const codeword = encodeReedSolomon(randomBytes(random, 5 + Math.floor(random() * (250 - parity))), parity);
    const erasures = Math.floor(random() * (parity + 1));
    const errors = Math.floor(random() * (Math.floor((parity - erasures) / 2) + 1));
    const spots = positions(random, codeword.length, erasures + errors);
    const received = codeword.slice();
    for (const p of spots) received[p] ^= 1 + Math.floor(random() * 255);
    // An erasure may also hold the right value by chance: erase without always corrupting.
    const erased = spots.slice(0, erasures);
    if (erased.length > 0) received[erased[0]!] = codeword[erased[0]!]!;
    const decoded = decodeReedSolomon(received, parity, erased);
    assert.deepEqual([...decoded.codeword], [...codeword], `trial ${trial}: ${errors} errors, ${erasures} erasures, parity ${parity}`);
    assert.equal(decoded.erasureCount, erasures);
  }
});

test('beyond the bound: a typed failure, or a wrong codeword that the CRC catches; never silently right-looking data', () => {
  const random = seededRandom(14);
  let failures = 0;
  for (let trial = 0; trial < 300; trial++) {
    const parity = 4 + 2 * Math.floor(random() * 8);
    const data = randomBytes(random, 60);
    const checked = new Uint8Array(64);
    checked.set(data);
    new DataView(checked.buffer).setUint32(60, crc32(data));
    const codeword = encodeReedSolomon(checked, parity);
    const received = codeword.slice();
    const errors = parity / 2 + 1 + Math.floor(random() * 4);
    for (const p of positions(random, codeword.length, errors)) received[p] ^= 1 + Math.floor(random() * 255);
    try {
      const decoded = decodeReedSolomon(received, parity);
      const body = decoded.codeword.subarray(0, 60);
      assert.notEqual(crc32(body), new DataView(decoded.codeword.buffer).getUint32(60), 'miscorrection must be caught by the CRC');
    } catch (error) {
      assert.ok(isMedstegoError(error, 'ECC_DECODE_FAILED'), String(error));
      failures++;
    }
  }
  assert.ok(failures > 250, `most overloads are detected by the decoder itself (${failures}/300)`);
  assert.throws(() => decodeReedSolomon(new Uint8Array(20), 4, [0, 1, 2, 3, 4]), (e) => isMedstegoError(e, 'ECC_DECODE_FAILED'));
});

test('interleaving: a burst longer than one codeword can fix is spread and repaired', () => {
  const random = seededRandom(15);
  const data = randomBytes(random, 1000);
  const parity = 8;
  const layout = planInterleavedLayout(data.length, parity);
  assert.equal(layout.codewordCount, 5);
  const stream = encodeInterleaved(data, parity);
  assert.equal(stream.length, layout.streamLength);
  const damaged = stream.slice();
  for (let i = 300; i < 320; i++) damaged[i] ^= 0x5a; // 20 consecutive bytes: 4 per codeword
  const decoded = decodeInterleaved(damaged, data.length, parity);
  assert.deepEqual(decoded.data, data);
  assert.equal(decoded.correctedSymbols, 20);
  const erased = Array.from({ length: 40 }, (_, i) => 600 + i); // 8 erasures per codeword
  const withErasures = stream.slice();
  for (const s of erased) withErasures[s] = 0;
  const fromErasures = decodeInterleaved(withErasures, data.length, parity, erased);
  assert.deepEqual(fromErasures.data, data);
  assert.equal(fromErasures.erasedSymbols, 40);
  const tooMany = stream.slice();
  for (let i = 0; i < 60; i++) tooMany[i * 5] ^= 1; // stream bytes 0, 5, 10, …: 60 errors, all in codeword 0
  assert.throws(() => decodeInterleaved(tooMany, data.length, parity), (e) => isMedstegoError(e, 'ECC_DECODE_FAILED'));
});

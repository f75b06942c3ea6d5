import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { qrAlignmentCoordinates, repairQrFunctionPatterns, qrSizeForVersion } from '../../src/qr/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

describe('repairQrFunctionPatterns', () => {
  it('matches the qrcode encoder on every version: touches only function modules and restores their values', () => {
    for (let version = 1; version <= 40; version++) {
      const symbol = QRCode.create('1', { version, errorCorrectionLevel: 'L' });
      const { size, data, reservedBit } = symbol.modules;
      assert.equal(size, qrSizeForVersion(version));
      const original = Uint8Array.from(data, (v) => (v ? 1 : 0));
      // An intact symbol is left unchanged.
      assert.deepEqual(repairQrFunctionPatterns(original, size), original, `version ${version} intact`);
      // In the inverted symbol, every module the repair sets back must be a function module.
      const inverted = original.map((v) => 1 - v);
      const repaired = repairQrFunctionPatterns(inverted, size);
      let restored = 0;
      for (let i = 0; i < repaired.length; i++) {
        if (repaired[i] !== inverted[i]) {
          assert.equal(reservedBit[i] ? 1 : 0, 1, `version ${version}: module ${i} is not a function module`);
          assert.equal(repaired[i], original[i]);
          restored++;
        }
      }
      // Three finders with separators (3×64) and the dark module at least.
      assert.ok(restored >= 3 * 64 + 1, `version ${version}: ${restored} restored`);
    }
  });

  it('gives the alignment coordinates of ISO/IEC 18004 Annex E', () => {
    assert.deepEqual(qrAlignmentCoordinates(1), []);
    assert.deepEqual(qrAlignmentCoordinates(2), [6, 18]);
    assert.deepEqual(qrAlignmentCoordinates(7), [6, 22, 38]);
    assert.deepEqual(qrAlignmentCoordinates(32), [6, 34, 60, 86, 112, 138]);
    assert.deepEqual(qrAlignmentCoordinates(40), [6, 30, 58, 86, 114, 142, 170]);
  });

  it('rejects a matrix that is not QR-shaped', () => {
    assert.throws(() => repairQrFunctionPatterns(new Uint8Array(23 * 23), 23), (e) => isMedstegoError(e, 'QR_DECODE_FAILED'));
    assert.throws(() => repairQrFunctionPatterns(new Uint8Array(10), 21), (e) => isMedstegoError(e, 'QR_DECODE_FAILED'));
  });
});

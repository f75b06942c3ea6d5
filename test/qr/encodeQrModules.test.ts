import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeQrModules, qrSizeForVersion, qrVersionForSize, type QrErrorCorrectionLevel } from '../../src/qr/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

const IDENTITY = JSON.stringify({
  PatientName: 'DOE^JOHN',
  PatientID: '12345678',
  PatientBirthDate: '19700101',
  PatientSex: 'M',
  StudyInstanceUID: '1.2.840.113619.2.55.3.604688119.969.1234567890.123',
});

describe('encodeQrModules', () => {
  it('defaults to level H and returns a square 0/1 matrix of the version size', () => {
    const qr = encodeQrModules(IDENTITY);
    assert.equal(qr.errorCorrectionLevel, 'H');
    assert.equal(qr.size, qrSizeForVersion(qr.version));
    assert.equal(qr.modules.length, qr.size * qr.size);
    assert.equal(qr.functionModules.length, qr.size * qr.size);
    assert.ok(qr.modules.every((m) => m === 0 || m === 1));
    assert.ok(qr.functionModules.every((m) => m === 0 || m === 1));
  });

  it('puts the finder patterns at three corners and marks them as function modules', () => {
    const { size, modules, functionModules } = encodeQrModules('HELLO');
    assert.equal(size, 21);
    // Top-left finder: dark outer ring, light ring, dark 3×3 core; light separator at row/column 7.
    const at = (r: number, c: number): number => modules[r * size + c]!;
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((c) => at(0, c)), [1, 1, 1, 1, 1, 1, 1, 0]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((c) => at(1, c)), [1, 0, 0, 0, 0, 0, 1, 0]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((c) => at(3, c)), [1, 0, 1, 1, 1, 0, 1, 0]);
    assert.equal(at(0, size - 1), 1);
    assert.equal(at(size - 1, 0), 1);
    assert.equal(functionModules[0], 1);
    // Bottom-right corner is data in a version-1 symbol.
    assert.equal(functionModules[size * size - 1], 0);
  });

  it('grows the version with the text and shrinks capacity with the level', () => {
    const levels: QrErrorCorrectionLevel[] = ['L', 'M', 'Q', 'H'];
    const versions = levels.map((level) => encodeQrModules(IDENTITY, { errorCorrectionLevel: level }).version);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `versions ${versions.join(',')}`);
    assert.ok(encodeQrModules('x'.repeat(500)).version > encodeQrModules('x'.repeat(50)).version);
  });

  it('is deterministic', () => {
    assert.deepEqual(encodeQrModules(IDENTITY).modules, encodeQrModules(IDENTITY).modules);
  });

  it('refuses an empty text with PAYLOAD_EMPTY', () => {
    assert.throws(() => encodeQrModules(''), (e) => isMedstegoError(e, 'PAYLOAD_EMPTY'));
  });

  it('refuses a text larger than a version-40 symbol with PAYLOAD_CAPACITY_EXCEEDED', () => {
    // Level H, byte mode, version 40 holds 1,273 bytes.
    assert.doesNotThrow(() => encodeQrModules('x'.repeat(1273)));
    assert.throws(() => encodeQrModules('x'.repeat(1274)), (e) => isMedstegoError(e, 'PAYLOAD_CAPACITY_EXCEEDED'));
  });

  it('refuses an unknown error-correction level', () => {
    assert.throws(
      () => encodeQrModules('A', { errorCorrectionLevel: 'X' as QrErrorCorrectionLevel }),
      (e) => isMedstegoError(e, 'INTERNAL'),
    );
  });
});

describe('qrVersionForSize', () => {
  const cases: Array<[number, number | undefined]> = [
    [21, 1],
    [25, 2],
    [177, 40],
    [17, undefined],
    [22, undefined],
    [181, undefined],
    [21.5, undefined],
  ];
  for (const [size, version] of cases) {
    it(`size ${size} -> ${String(version)}`, () => assert.equal(qrVersionForSize(size), version));
  }
});

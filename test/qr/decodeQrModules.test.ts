import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeQrModules, encodeQrModules, type QrModules } from '../../src/qr/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

/** Flips exactly round(fraction × candidates) distinct modules chosen among `candidates`. */
function flipModules(qr: QrModules, fraction: number, seed: number, onlyData: boolean): Uint8Array {
  const random = seededRandom(seed);
  const candidates: number[] = [];
  for (let i = 0; i < qr.modules.length; i++) if (!onlyData || qr.functionModules[i] === 0) candidates.push(i);
  const count = Math.round(fraction * candidates.length);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const noisy = qr.modules.slice();
  for (let i = 0; i < count; i++) noisy[candidates[i]!]! ^= 1;
  return noisy;
}

const IDENTITY = JSON.stringify({
  PatientName: 'DOE^JOHN',
  PatientID: '12345678',
  PatientBirthDate: '19700101',
  PatientSex: 'M',
  StudyDate: '20240101',
  AccessionNumber: 'A1234567',
  StudyInstanceUID: '1.2.840.113619.2.55.3.604688119.969.1234567890.123',
  InstitutionName: 'General Hospital',
});

describe('decodeQrModules', () => {
  const texts = [
    'A',
    '0123456789012345',
    'DOE^JOHN',
    'Müller^José 山田太郎 ✓',
    IDENTITY,
    'x'.repeat(1273),
  ];
  for (const text of texts) {
    for (const level of ['L', 'H'] as const) {
      it(`round-trips ${JSON.stringify(text.slice(0, 20))}${text.length > 20 ? '…' : ''} at level ${level}`, () => {
        const qr = encodeQrModules(text, { errorCorrectionLevel: level });
        assert.equal(decodeQrModules(qr.modules, qr.size), text);
      });
    }
  }

  it('does not modify its input', () => {
    const qr = encodeQrModules(IDENTITY);
    const noisy = flipModules(qr, 0.5, 1, false);
    const before = noisy.slice();
    assert.throws(() => decodeQrModules(noisy, qr.size));
    assert.deepEqual(noisy, before);
  });

  it('decodes a level-H code with 1% of its data modules flipped', () => {
    const qr = encodeQrModules(IDENTITY, { errorCorrectionLevel: 'H' });
    for (let seed = 1; seed <= 10; seed++) {
      assert.equal(decodeQrModules(flipModules(qr, 0.01, seed, true), qr.size), IDENTITY, `seed ${seed}`);
    }
  });

  it('decodes a level-H code with 1% of all modules flipped, function patterns included', () => {
    // Flipped finder modules would defeat the locator; decodeQrModules restores the fixed patterns first.
    const qr = encodeQrModules(IDENTITY, { errorCorrectionLevel: 'H' });
    for (let seed = 1; seed <= 10; seed++) {
      assert.equal(decodeQrModules(flipModules(qr, 0.01, 100 + seed, false), qr.size), IDENTITY, `seed ${seed}`);
    }
  });

  it('throws QR_DECODE_FAILED when half the modules are flipped', () => {
    const qr = encodeQrModules(IDENTITY, { errorCorrectionLevel: 'H' });
    for (let seed = 1; seed <= 3; seed++) {
      assert.throws(() => decodeQrModules(flipModules(qr, 0.5, seed, true), qr.size), (e) => isMedstegoError(e, 'QR_DECODE_FAILED'));
    }
  });

  it('throws QR_DECODE_FAILED on an all-light or all-dark matrix', () => {
    assert.throws(() => decodeQrModules(new Uint8Array(21 * 21), 21), (e) => isMedstegoError(e, 'QR_DECODE_FAILED'));
    assert.throws(() => decodeQrModules(new Uint8Array(25 * 25).fill(1), 25), (e) => isMedstegoError(e, 'QR_DECODE_FAILED'));
  });

  it('throws QR_DECODE_FAILED when the size is not a QR size', () => {
    assert.throws(() => decodeQrModules(new Uint8Array(22 * 22), 22), (e) => isMedstegoError(e, 'QR_DECODE_FAILED'));
  });

  it('throws INTERNAL when modules and size disagree (a caller bug)', () => {
    assert.throws(() => decodeQrModules(new Uint8Array(20), 21), (e) => isMedstegoError(e, 'INTERNAL'));
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedPaper, extractPaper, listUsableBlocks, createPaperQuantizer, maximumBeta } from '../../src/stego/index.ts';
import { quantizeCoefficient, readCoefficientBit, ROUNDING_GUARD } from '../../src/stego/paper/paperQuantizer.ts';
import { qrModulesToBlockBits, blockBitsToQrModules, finderPatternAgreement } from '../../src/stego/paper/qrBlockLayout.ts';
import { encodeQrModules } from '../../src/qr/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { makePhantom } from '../helpers/syntheticImage.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

const PAYLOAD = JSON.stringify({ PatientName: 'Doe^Jane', PatientID: 'X-0042', PatientBirthDate: '19700101' });

test('quantiser: every bit survives any perturbation within the rounding bound', () => {
  const quantizer = createPaperQuantizer(4095, { alpha: 0.02, beta: 1000 });
  assert.ok(quantizer.intervalWidth > 16 && quantizer.intervalWidth < 16.5);
  const random = seededRandom(9);
  for (let trial = 0; trial < 20000; trial++) {
    const coefficient = (random() - 0.3) * 8000;
    const bit = random() < 0.5 ? 0 : 1;
    const placed = quantizeCoefficient(coefficient, bit, quantizer);
    assert.ok(Math.abs(placed - coefficient) < quantizer.intervalWidth, 'stays within one interval');
    const perturbed = placed + (random() * 2 - 1) * 2.0;
    assert.equal(readCoefficientBit(perturbed, quantizer), bit);
  }
});

test("quantiser keeps the paper's positions α·w and (1−α)·w where they are already integer-safe", () => {
  const quantizer = createPaperQuantizer(4095, { alpha: 0.2, beta: 10 });
  assert.ok(Math.abs(quantizer.zeroOffset - 0.2 * quantizer.intervalWidth) < 1e-9);
  assert.ok(Math.abs(quantizer.oneOffset - 0.8 * quantizer.intervalWidth) < 1e-9);
  const fine = createPaperQuantizer(4095, { alpha: 0.02, beta: 1000 });
  assert.equal(fine.zeroOffset, ROUNDING_GUARD);
});

test('β too fine for the bit depth is refused with the largest usable β', () => {
  assert.throws(() => createPaperQuantizer(255, { alpha: 0.02, beta: 1000 }), (error) => isMedstegoError(error, 'EMBED_PARAMETERS_INVALID') && error.details.maximumBeta === maximumBeta(255));
  assert.throws(() => createPaperQuantizer(4095, { alpha: 0.6, beta: 100 }), (error) => isMedstegoError(error, 'EMBED_PARAMETERS_INVALID'));
});

test('QR block layout round-trips and finder patterns are found only at the right size', () => {
  const qr = encodeQrModules(PAYLOAD, { errorCorrectionLevel: 'H' });
  const bits = qrModulesToBlockBits(qr.modules, qr.size);
  assert.equal(bits.length % 16, 0);
  assert.deepEqual(blockBitsToQrModules(bits, qr.size), qr.modules);
  assert.equal(finderPatternAgreement(qr.modules, qr.size), 1);
  assert.ok(finderPatternAgreement(blockBitsToQrModules(bits, qr.size + 4), qr.size + 4) < 0.85);
});

for (const beta of [10, 100, 500, 1000]) {
  test(`embed then extract returns the payload exactly (β = ${beta}) and the body is untouched`, () => {
    const { image, mask } = makePhantom();
    const result = embedPaper({ image, mask, payloadText: PAYLOAD, parameters: { beta } });
    for (let i = 0; i < mask.length; i++) if (mask[i]) assert.equal(result.stegoPixels[i], image.pixels[i]);
    for (const value of result.stegoPixels) assert.ok(value >= image.minStored && value <= image.maxStored && Number.isInteger(value));
    const stego = { ...image, pixels: result.stegoPixels };
    assert.equal(extractPaper(stego, mask, { beta }).payloadText, PAYLOAD);
    assert.equal(result.capacityBits, listUsableBlocks(image, mask).length * 16);
  });
}

test('air stored at the floor (0) is lifted by whole DC intervals, not clipped', () => {
  const { image, mask } = makePhantom({ airLevel: 0, noise: 0 });
  const result = embedPaper({ image, mask, payloadText: PAYLOAD });
  assert.equal(extractPaper({ ...image, pixels: result.stegoPixels }, mask).payloadText, PAYLOAD);
});

test('padding pixels are never used and no embedded pixel becomes padding', () => {
  const { image, mask } = makePhantom({ airLevel: 50, noise: 10, paddingValue: 0 });
  const pixels = Int32Array.from(image.pixels);
  for (let r = 0; r < 32; r++) for (let c = 0; c < 32; c++) pixels[r * image.cols + c] = 0;
  const padded = { ...image, pixels };
  const result = embedPaper({ image: padded, mask, payloadText: PAYLOAD, parameters: { beta: 100 } });
  for (let i = 0; i < mask.length; i++) {
    if (pixels[i] === 0) assert.equal(result.stegoPixels[i], 0, 'padding kept');
    else assert.notEqual(result.stegoPixels[i], 0, 'no new padding');
  }
  assert.equal(extractPaper({ ...padded, pixels: result.stegoPixels }, mask, { beta: 100 }).payloadText, PAYLOAD);
});

test('a payload larger than the background is refused with the capacity', () => {
  const { image, mask } = makePhantom({ rows: 48, cols: 48 });
  assert.throws(
    () => embedPaper({ image, mask, payloadText: 'x'.repeat(600) }),
    (error) => isMedstegoError(error, 'PAYLOAD_CAPACITY_EXCEEDED') && typeof error.details.capacityBits === 'number',
  );
});

test('an image with no background gives NO_BACKGROUND; a clean image gives EXTRACT_NO_PAYLOAD', () => {
  const { image } = makePhantom();
  assert.throws(() => embedPaper({ image, mask: new Uint8Array(image.pixels.length).fill(1), payloadText: PAYLOAD }), (e) => isMedstegoError(e, 'NO_BACKGROUND'));
  const { mask } = makePhantom();
  assert.throws(() => extractPaper(image, mask), (e) => isMedstegoError(e, 'EXTRACT_NO_PAYLOAD'));
});

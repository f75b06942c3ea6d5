import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../../src/dicom/index.ts';
import { createThresholdSegmenter } from '../../../src/segmentation/index.ts';
import { fidelityProfile } from '../../../src/stego/index.ts';
import { deriveKeys } from '../../../src/crypto/index.ts';
import { integerPixelPsnrBound, psnrDb, psnrDbRange, valueRange } from '../../../src/metrics/index.ts';
import { isMedstegoError } from '../../../src/errors/index.ts';
import { isPaddingValue } from '../../../src/image/PixelImage.ts';
import { FIXTURES } from '../../helpers/runCli.ts';
import { seededRandom } from '../../helpers/seededRandom.ts';
import { makePhantom } from '../../helpers/syntheticImage.ts';

const SLICES = ['ct/tcga-thca-1-101.dcm', 'ct/lung-pet-ct-dx-1-15.dcm', 'mr/sag-anon-mprage-0095.dcm', 'mr/brain-tumor-progression-1-12.dcm'];
const keys = await deriveKeys(new Uint8Array(32).fill(42));
const segmenter = createThresholdSegmenter();

async function load(relative: string) {
  const slice = await readDicom(new Uint8Array(readFileSync(path.join(FIXTURES, relative))));
  return { image: slice.image, mask: await segmenter.segment(slice.image) };
}

function sealedBytes(length: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

for (const relative of SLICES) {
  test(`fidelity round trip on ${relative}: exact bytes, body untouched, LSB changes only, within 6 dB of the bound`, async () => {
    const { image, mask } = await load(relative);
    const sealed = sealedBytes(170, 1);
    const embedded = fidelityProfile.embed({ image, mask, sealed, keys });
    const stego = { ...image, pixels: embedded.stegoPixels };
    // The reader is given a mask that is all body: it must not need one.
    const extracted = fidelityProfile.extract({ image: stego, mask: new Uint8Array(mask.length).fill(1), keys });
    assert.deepEqual(extracted.sealed, sealed);
    assert.equal(extracted.correctedSymbols, 0);
    let changed = 0;
    for (let i = 0; i < image.pixels.length; i++) {
      const difference = embedded.stegoPixels[i]! - image.pixels[i]!;
      if (difference === 0) continue;
      changed++;
      assert.equal(mask[i], 0, 'a body pixel changed');
      assert.equal(embedded.stegoPixels[i], image.pixels[i]! ^ 1, 'only the LSB changes');
      assert.ok(embedded.stegoPixels[i]! >= image.minStored && embedded.stegoPixels[i]! <= image.maxStored);
    }
    assert.equal(changed, embedded.parameters.changedPixels);
    const bound = integerPixelPsnrBound(sealed.length * 8, image.rows * image.cols, 2 ** image.bitsStored - 1);
    const psnr = psnrDb(image.pixels, embedded.stegoPixels, image.bitsStored);
    assert.ok(psnr <= bound.psnrDb, 'no scheme beats the bound');
    assert.ok(bound.psnrDb - psnr < 6, `PSNR ${psnr.toFixed(2)} dB vs bound ${bound.psnrDb.toFixed(2)} dB`);
    const { min, max } = valueRange(image.pixels);
    const boundRange = integerPixelPsnrBound(sealed.length * 8, image.rows * image.cols, max - min);
    assert.ok(boundRange.psnrDb - psnrDbRange(image.pixels, embedded.stegoPixels) < 6);
  });
}

test('a wrong layout key reads noise: the Reed–Solomon decoder refuses it or it cannot authenticate upstream', async () => {
  const { image, mask } = await load(SLICES[0]!);
  const sealed = sealedBytes(150, 2);
  const embedded = fidelityProfile.embed({ image, mask, sealed, keys });
  const other = await deriveKeys(new Uint8Array(32).fill(43));
  try {
    const read = fidelityProfile.extract({ image: { ...image, pixels: embedded.stegoPixels }, mask, keys: other });
    assert.notDeepEqual(read.sealed, sealed);
  } catch (error) {
    assert.ok(isMedstegoError(error, 'ECC_DECODE_FAILED'), String(error));
  }
});

test('no header on a clean slice: probe finds nothing and extract says EXTRACT_NO_PAYLOAD', async () => {
  for (const relative of SLICES) {
    const { image, mask } = await load(relative);
    assert.equal(fidelityProfile.probe!(image), undefined);
    assert.throws(() => fidelityProfile.extract({ image, mask, keys }), (e) => isMedstegoError(e, 'EXTRACT_NO_PAYLOAD'));
  }
});

test('the header is found without the key and announces the sealed length', async () => {
  const { image, mask } = await load(SLICES[2]!);
  const embedded = fidelityProfile.embed({ image, mask, sealed: sealedBytes(120, 3), keys });
  const probe = fidelityProfile.probe!({ ...image, pixels: embedded.stegoPixels });
  assert.equal(probe?.sealedBytes, 120);
  assert.equal(probe?.parameters.intactHeaderCopies, 2);
});

test('a payload above capacity is refused before any pixel changes, with the capacity in the details', async () => {
  const { image, mask } = await load(SLICES[3]!);
  const capacity = fidelityProfile.capacityBytes(image, mask);
  assert.ok(capacity > 100 && capacity < 2000, `capacity ${capacity}`);
  const before = Int32Array.from(image.pixels);
  assert.throws(
    () => fidelityProfile.embed({ image, mask, sealed: sealedBytes(capacity + 1, 4), keys }),
    (e) => isMedstegoError(e, 'PAYLOAD_CAPACITY_EXCEEDED') && e.details.capacityBytes === capacity,
  );
  assert.deepEqual(image.pixels, before);
  // At the announced capacity it does fit.
  const sealed = sealedBytes(capacity, 5);
  const embedded = fidelityProfile.embed({ image, mask, sealed, keys });
  assert.deepEqual(fidelityProfile.extract({ image: { ...image, pixels: embedded.stegoPixels }, mask, keys }).sealed, sealed);
});

test('Pixel Padding Value pixels are never changed and no pixel becomes padding', () => {
  // Air at 40 ± 20 with padding value 20: padding pixels and their LSB neighbours (21) are off limits.
  const { image, mask } = makePhantom({ rows: 256, cols: 256, paddingValue: 20, airLevel: 40, noise: 20, seed: 9 });
  const sealed = sealedBytes(60, 6);
  const embedded = fidelityProfile.embed({ image, mask, sealed, keys });
  let paddingPixels = 0;
  for (let i = 0; i < image.pixels.length; i++) {
    if (isPaddingValue(image, image.pixels[i]!)) {
      paddingPixels++;
      assert.equal(embedded.stegoPixels[i], image.pixels[i]);
    } else {
      assert.ok(!isPaddingValue(image, embedded.stegoPixels[i]!), 'a pixel became padding');
    }
  }
  assert.ok(paddingPixels > 200, `the phantom has padding to protect (${paddingPixels})`);
  assert.deepEqual(fidelityProfile.extract({ image: { ...image, pixels: embedded.stegoPixels }, mask, keys }).sealed, sealed);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDicom } from '../../../src/dicom/index.ts';
import { segmentByThreshold } from '../../../src/segmentation/index.ts';
import { createRobustProfile, robustProfile } from '../../../src/stego/robust/index.ts';
import { applyNoiseAttack } from '../../../src/attacks/index.ts';
import { psnrDbRange } from '../../../src/metrics/index.ts';
import { isMedstegoError } from '../../../src/errors/index.ts';
import type { PixelImage } from '../../../src/image/PixelImage.ts';
import { seededRandom } from '../../helpers/seededRandom.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

async function loadSlice(relative: string): Promise<{ image: PixelImage; mask: Uint8Array }> {
  const image = (await readDicom(new Uint8Array(readFileSync(FIXTURES + relative)))).image;
  return { image, mask: segmentByThreshold(image) };
}

function randomBytes(count: number, seed: number): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length: count }, () => Math.floor(random() * 256));
}

function keysFor(seed: number): { layoutKey: Uint8Array; ditherKey: Uint8Array } {
  return { layoutKey: randomBytes(32, seed), ditherKey: randomBytes(32, seed + 1000) };
}

const KEYS = keysFor(1);
/** 128 sealed bytes = 1,024 embedded bits: e.g. 64+ bytes of user payload in the AES-GCM container. */
const CT_SEALED = randomBytes(128, 42);

const ct = loadSlice('ct/tcga-thca-1-101.dcm');
const ctEmbedded = ct.then(({ image, mask }) => robustProfile.embed({ image, mask, sealed: CT_SEALED, keys: KEYS }));

test('CT 512²: 1,024 bits embedded at ≥ 65 dB (range convention); body bit-identical; stored range kept; exact without attack', async () => {
  const { image, mask } = await ct;
  const result = await ctEmbedded;
  assert.ok(psnrDbRange(image.pixels, result.stegoPixels) >= 65);
  for (let i = 0; i < mask.length; i++) if (mask[i]) assert.equal(result.stegoPixels[i], image.pixels[i]);
  for (const v of result.stegoPixels) assert.ok(v >= image.minStored && v <= image.maxStored);
  assert.ok(result.capacityBits >= 1024);
  const stego = { ...image, pixels: result.stegoPixels };
  assert.deepEqual(robustProfile.extract({ image: stego, mask: segmentByThreshold(stego), keys: KEYS }).sealed, CT_SEALED);
});

for (const attack of [
  { noise: 'gaussian', psnrDb: 53, seed: 11 },
  { noise: 'uniform', psnrDb: 53, seed: 12 },
  { noise: 'saltpepper', fraction: 0.001, seed: 13 },
] as const) {
  test(`CT 512²: 1,024 bits survive ${attack.noise} ${'psnrDb' in attack ? `at ${attack.psnrDb} dB` : `on ${attack.fraction * 100}% of pixels`}, mask recomputed on the attacked image`, async () => {
    const { image } = await ct;
    const stego = { ...image, pixels: (await ctEmbedded).stegoPixels };
    const attacked = { ...image, pixels: applyNoiseAttack(stego, attack).pixels };
    if ('psnrDb' in attack) assert.ok(Math.abs(psnrDbRange(stego.pixels, attacked.pixels) - attack.psnrDb!) < 0.2);
    const out = robustProfile.extract({ image: attacked, mask: segmentByThreshold(attacked), keys: KEYS });
    assert.deepEqual(out.sealed, CT_SEALED);
    assert.ok(out.correctedSymbols > 0, 'the attack did flip coded bits: the code corrected them');
  });
}

/** Block-level edits of the encoder's mask that the decoder might see instead. */
function editMask(mask: Uint8Array, rows: number, cols: number, edit: 'dilate' | 'erode' | 'flip', seed = 5): { mask: Uint8Array; changedBlocks: number; insignificantBlocks: number } {
  const br = rows >> 2, bc = cols >> 2;
  const blockBody = new Uint8Array(br * bc);
  for (let r = 0; r < br * 4; r++) for (let c = 0; c < bc * 4; c++) if (mask[r * cols + c]) blockBody[(r >> 2) * bc + (c >> 2)] = 1;
  let edited = Uint8Array.from(blockBody);
  const random = seededRandom(seed);
  let insignificant = 0;
  for (const b of blockBody) if (!b) insignificant++;
  // Dilate / erode by one ring of blocks (4 pixels; ≥ 1% of the insignificant blocks); flip 10% at random.
  for (let ring = 0; ring < 20; ring++) {
    const previous = edited;
    edited = Uint8Array.from(previous);
    let changed = 0;
    for (let b = 0; b < br; b++) {
      for (let a = 0; a < bc; a++) {
        const i = b * bc + a;
        const neighbours = [i - bc, i + bc, a > 0 ? i - 1 : -1, a < bc - 1 ? i + 1 : -1].filter((j) => j >= 0 && j < br * bc);
        if (edit === 'dilate' && !previous[i] && neighbours.some((j) => previous[j])) edited[i] = 1;
        if (edit === 'erode' && previous[i] && neighbours.some((j) => !previous[j])) edited[i] = 0;
        if (edit === 'flip' && !previous[i] && random() < 0.1) edited[i] = 1;
      }
    }
    for (let i = 0; i < edited.length; i++) if (edited[i] !== blockBody[i]) changed++;
    if (edit === 'flip' || changed >= 0.01 * insignificant) break;
  }
  let changedBlocks = 0, insignificantBlocks = 0;
  for (let i = 0; i < edited.length; i++) {
    if (edited[i] !== blockBody[i]) changedBlocks++;
    if (!blockBody[i]) insignificantBlocks++;
  }
  const out = Uint8Array.from(mask);
  for (let r = 0; r < br * 4; r++) for (let c = 0; c < bc * 4; c++) if (edited[(r >> 2) * bc + (c >> 2)] !== blockBody[(r >> 2) * bc + (c >> 2)]) out[r * cols + c] = edited[(r >> 2) * bc + (c >> 2)]!;
  return { mask: out, changedBlocks, insignificantBlocks };
}

for (const edit of ['dilate', 'erode', 'flip'] as const) {
  test(`mask tolerance: decoder mask ${edit === 'flip' ? 'with 10% of insignificant blocks flipped' : `${edit}d by one ring of 4×4 blocks`}, after Gaussian noise at 55 dB`, async () => {
    const { image, mask } = await ct;
    const stego = { ...image, pixels: (await ctEmbedded).stegoPixels };
    const attacked = { ...image, pixels: applyNoiseAttack(stego, { noise: 'gaussian', psnrDb: 55, seed: 21 }).pixels };
    const edited = editMask(mask, image.rows, image.cols, edit);
    assert.ok(edited.changedBlocks >= 0.01 * edited.insignificantBlocks, `${edited.changedBlocks} of ${edited.insignificantBlocks} blocks changed`);
    if (edit === 'flip') assert.ok(edited.changedBlocks >= 0.09 * edited.insignificantBlocks);
    assert.deepEqual(robustProfile.extract({ image: attacked, mask: edited.mask, keys: KEYS }).sealed, CT_SEALED);
  });
}

test('wrong key, or a cover with no payload: EXTRACT_NO_PAYLOAD', async () => {
  const { image, mask } = await ct;
  const stego = { ...image, pixels: (await ctEmbedded).stegoPixels };
  assert.throws(() => robustProfile.extract({ image: stego, mask, keys: keysFor(77) }), (e) => isMedstegoError(e, 'EXTRACT_NO_PAYLOAD'));
  assert.throws(() => robustProfile.extract({ image, mask, keys: KEYS }), (e) => isMedstegoError(e, 'EXTRACT_NO_PAYLOAD'));
});

test('a payload over capacity is refused with the capacity, before any pixel is touched', async () => {
  const { image, mask } = await ct;
  const before = Int32Array.from(image.pixels);
  const capacity = robustProfile.capacityBytes(image, mask);
  assert.ok(capacity >= 128);
  assert.throws(
    () => robustProfile.embed({ image, mask, sealed: randomBytes(capacity + 1, 3), keys: KEYS }),
    (e) => isMedstegoError(e, 'PAYLOAD_CAPACITY_EXCEEDED') && e.details.capacityBytes === capacity,
  );
  assert.deepEqual(image.pixels, before);
});

test('MR 256²: 16 sealed bytes (128 bits) survive Gaussian noise at 53 dB', async () => {
  const { image, mask } = await loadSlice('mr/sag-anon-mprage-0095.dcm');
  const sealed = randomBytes(16, 8);
  const result = robustProfile.embed({ image, mask, sealed, keys: KEYS });
  assert.ok(psnrDbRange(image.pixels, result.stegoPixels) >= 65);
  const attacked = { ...image, pixels: applyNoiseAttack({ ...image, pixels: result.stegoPixels }, { noise: 'gaussian', psnrDb: 53, seed: 31 }).pixels };
  assert.deepEqual(robustProfile.extract({ image: attacked, mask: segmentByThreshold(attacked), keys: KEYS }).sealed, sealed);
});

test('MR 256²: 512 bits survive Gaussian noise at 59 dB (profile sized for 59 dB; 1,024 is not reached on this slice)', async () => {
  const { image, mask } = await loadSlice('mr/sag-anon-mprage-0095.dcm');
  const profile59 = createRobustProfile({ designAttackPsnrDb: 59 });
  const sealed = randomBytes(64, 9);
  const result = profile59.embed({ image, mask, sealed, keys: KEYS });
  const attacked = { ...image, pixels: applyNoiseAttack({ ...image, pixels: result.stegoPixels }, { noise: 'gaussian', psnrDb: 59, seed: 32 }).pixels };
  assert.deepEqual(profile59.extract({ image: attacked, mask: segmentByThreshold(attacked), keys: KEYS }).sealed, sealed);
});

test('a slice whose range is too small for integer changes at 65 dB is refused, never written empty', async () => {
  const { image, mask } = await loadSlice('mr/decubitus-hfdl-0035.dcm');
  assert.throws(() => robustProfile.embed({ image, mask, sealed: randomBytes(8, 1), keys: KEYS }), (e) => isMedstegoError(e));
});

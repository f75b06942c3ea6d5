import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { embedDicom, extractDicom, DEFAULT_PROFILE } from '../../src/workflow/index.ts';
import { readDicom, writeStegoDicom } from '../../src/dicom/index.ts';
import { createThresholdSegmenter, dilateMask, erodeMask, type BodyMask, type Segmenter } from '../../src/segmentation/index.ts';
import { collectIdentityFields } from '../../src/payload/index.ts';
import { deriveKeys } from '../../src/crypto/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { FIXTURES } from '../helpers/runCli.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

const CT = new Uint8Array(readFileSync(path.join(FIXTURES, 'ct', 'tcga-thca-1-101.dcm')));
const CT_OTHER = new Uint8Array(readFileSync(path.join(FIXTURES, 'ct', 'tcga-thca-1-201.dcm')));
const MR = new Uint8Array(readFileSync(path.join(FIXTURES, 'mr', 'sag-anon-mprage-0095.dcm')));
const MR_TIGHT = new Uint8Array(readFileSync(path.join(FIXTURES, 'mr', 'brain-tumor-progression-1-12.dcm')));
const keys = await deriveKeys(Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1));
const otherKeys = await deriveKeys(Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 2));
const segmenter = createThresholdSegmenter();

/** Rewrite a stego file with changed pixels but the same SOP Instance UID (an edit, not a new image). */
async function withPixels(stegoFile: Uint8Array, edit: (pixels: Int32Array, mask: BodyMask) => void): Promise<Uint8Array> {
  const slice = await readDicom(stegoFile);
  const pixels = Int32Array.from(slice.image.pixels);
  edit(pixels, await segmenter.segment(slice.image));
  return writeStegoDicom(slice, pixels, { derivationDescription: 'edited', newSopInstanceUid: slice.sopInstanceUid, newSeriesInstanceUid: slice.seriesInstanceUid });
}

function assertNoPayloadIn(error: unknown, fields: Record<string, string>): boolean {
  const text = `${(error as Error).message} ${JSON.stringify((error as { details?: unknown }).details ?? {})}`;
  for (const value of Object.values(fields)) if (value.length > 3) assert.ok(!text.includes(value), 'the error shows payload data');
  return true;
}

test('fidelity is the default profile and needs a key', async () => {
  assert.equal(DEFAULT_PROFILE, 'fidelity');
  await assert.rejects(embedDicom(CT, { segmenter }), (e) => isMedstegoError(e, 'KEY_MISSING'));
});

for (const [label, bytes] of [['CT 512²', CT], ['MR 256²', MR], ['MR with 18% background', MR_TIGHT]] as const) {
  test(`fidelity round trip on ${label}: identity fields back, authenticated, body bit-identical, PSNR vs bound reported`, async () => {
    const embedded = await embedDicom(bytes, { segmenter, keys });
    const { report } = embedded;
    assert.equal(report.profile, 'fidelity');
    assert.equal(report.verified, true);
    assert.ok(report.sealedBytes > 16 && report.payloadBits === report.sealedBytes * 8);
    assert.ok(report.psnrDb <= report.psnrBoundDb && report.psnrBoundDb - report.psnrDb < 6, `${report.psnrDb} vs ${report.psnrBoundDb}`);
    assert.ok(report.psnrDbRange <= report.psnrBoundDbRange);
    const stego = await readDicom(embedded.output);
    for (let i = 0; i < embedded.coverMask.length; i++) {
      if (embedded.coverMask[i]) assert.equal(stego.image.pixels[i], embedded.cover.image.pixels[i]);
    }
    const extracted = await extractDicom(embedded.output, { segmenter, keys });
    assert.equal(extracted.profile, 'fidelity');
    assert.deepEqual(extracted.payload, collectIdentityFields((k) => embedded.cover.getString(k)));
    assert.deepEqual(extracted.integrity, { authenticated: true, correctedSymbols: 0, erasedSymbols: 0, intact: true });
  });
}

test('wrong key → CRYPTO_AUTH_FAILED, nothing of the payload in the error', async () => {
  const embedded = await embedDicom(CT, { segmenter, keys });
  const fields = collectIdentityFields((k) => embedded.cover.getString(k));
  await assert.rejects(extractDicom(embedded.output, { segmenter, keys: otherKeys }), (e) => isMedstegoError(e, 'CRYPTO_AUTH_FAILED') && assertNoPayloadIn(e, fields));
  await assert.rejects(extractDicom(embedded.output, { segmenter }), (e) => isMedstegoError(e, 'KEY_MISSING'));
});

test('a changed pixel is detected: an LSB flip in the hidden region is repaired and reported, any larger change fails authentication', async () => {
  const embedded = await embedDicom(CT, { segmenter, keys, payloadFields: { Ref: 'HOSP-2026-000123' } });
  const random = seededRandom(3);
  const background: number[] = [];
  for (let i = 0; i < embedded.coverMask.length; i++) if (!embedded.coverMask[i]) background.push(i);
  const target = background[Math.floor(random() * background.length)]!;

  const lsbFlipped = await withPixels(embedded.output, (pixels) => void (pixels[target] = pixels[target]! ^ 1));
  try {
    const result = await extractDicom(lsbFlipped, { segmenter, keys });
    assert.deepEqual(result.payload, { Ref: 'HOSP-2026-000123' }, 'never wrong data');
    assert.equal(result.integrity?.intact, false, 'the change is reported');
    assert.ok(result.integrity!.correctedSymbols >= 1);
  } catch (error) {
    assert.ok(isMedstegoError(error, 'CRYPTO_AUTH_FAILED'), String(error));
  }

  const plusTwo = await withPixels(embedded.output, (pixels) => void (pixels[target] = pixels[target]! + 2));
  await assert.rejects(extractDicom(plusTwo, { segmenter, keys }), (e) => isMedstegoError(e, 'CRYPTO_AUTH_FAILED'));

  // The binding covers the diagnostic region too: an edit of a body pixel fails authentication.
  const bodyEdited = await withPixels(embedded.output, (pixels, mask) => {
    const body = mask.findIndex((m) => m === 1);
    pixels[body] = pixels[body]! + 5;
  });
  await assert.rejects(extractDicom(bodyEdited, { segmenter, keys }), (e) => isMedstegoError(e, 'CRYPTO_AUTH_FAILED'));
});

test('a payload copied into another image, or the same pixels under a new UID, fails authentication', async () => {
  const embedded = await embedDicom(CT, { segmenter, keys });
  // The LSB plane of stego A (header and payload) pasted into cover B of the same size.
  const stegoA = await readDicom(embedded.output);
  const coverB = await readDicom(CT_OTHER);
  const pasted = Int32Array.from(coverB.image.pixels, (value, i) => (value & ~1) | (stegoA.image.pixels[i]! & 1));
  const copied = writeStegoDicom(coverB, pasted, { derivationDescription: 'copied' });
  await assert.rejects(extractDicom(copied, { segmenter, keys }), (e) => isMedstegoError(e, 'CRYPTO_AUTH_FAILED'));
  // Stego A's exact pixels saved as a new instance (new SOP Instance UID).
  const renamed = writeStegoDicom(stegoA, stegoA.image.pixels, { derivationDescription: 'renamed' });
  await assert.rejects(extractDicom(renamed, { segmenter, keys }), (e) => isMedstegoError(e, 'CRYPTO_AUTH_FAILED'));
});

test('no payload → EXTRACT_NO_PAYLOAD, with or without a key', async () => {
  await assert.rejects(extractDicom(CT, { segmenter, keys }), (e) => isMedstegoError(e, 'EXTRACT_NO_PAYLOAD'));
  await assert.rejects(extractDicom(CT, { segmenter, keys, profile: 'fidelity' }), (e) => isMedstegoError(e, 'EXTRACT_NO_PAYLOAD'));
});

test('a payload larger than the capacity is refused before anything is produced, with the capacity in the message', async () => {
  const random = seededRandom(5);
  const noise = Array.from({ length: 1500 }, () => String.fromCharCode(33 + Math.floor(random() * 90))).join('');
  await assert.rejects(
    embedDicom(MR, { segmenter, keys, payloadFields: { Note: noise } }),
    (e) => isMedstegoError(e, 'PAYLOAD_CAPACITY_EXCEEDED') && typeof e.details.capacityBytes === 'number' && e.message.includes(String(e.details.capacityBytes)),
  );
});

/** Blocks (4×4) entirely insignificant in the mask, as top-left pixel indices. */
function insignificantBlocks(mask: BodyMask, rows: number, cols: number): number[] {
  const blocks: number[] = [];
  for (let r = 0; r + 4 <= rows; r += 4) {
    for (let c = 0; c + 4 <= cols; c += 4) {
      let clear = true;
      for (let y = 0; y < 4 && clear; y++) for (let x = 0; x < 4; x++) if (mask[(r + y) * cols + c + x]) clear = false;
      if (clear) blocks.push(r * cols + c);
    }
  }
  return blocks;
}

function fillBlock(mask: Uint8Array, cols: number, origin: number, value: number): void {
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) mask[origin + y * cols + x] = value;
}

/** A segmenter that returns `first` for the cover and `later` for every stego image. */
function changingSegmenter(first: BodyMask, later: BodyMask): Segmenter {
  let calls = 0;
  return { name: 'changing', segment: async () => (calls++ === 0 ? first : later) };
}

test('mask tolerance: dilated, eroded, 10% of insignificant blocks flipped, or a hand-edited encoder mask', async () => {
  const cover = await readDicom(CT);
  const { rows, cols } = cover.image;
  const automatic = await segmenter.segment(cover.image);
  const blocks = insignificantBlocks(automatic, rows, cols);
  const random = seededRandom(8);
  const flipped = Uint8Array.from(automatic);
  const flips = Math.floor(blocks.length * 0.1);
  for (let i = 0; i < flips; i++) fillBlock(flipped, cols, blocks[Math.floor(random() * blocks.length)]!, 1);
  const handEdited = Uint8Array.from(automatic);
  for (let i = 0; i < 80 * cols; i++) handEdited[i] = 1; // the user paints a band as "body"
  const variants: Array<[string, BodyMask, BodyMask]> = [
    ['dilated by 6 px at the decoder', automatic, dilateMask(automatic, rows, cols, { shape: 'disk', radius: 6 })],
    ['eroded by 6 px at the decoder', automatic, erodeMask(automatic, rows, cols, { shape: 'disk', radius: 6 })],
    [`${flips} insignificant blocks flipped at the decoder`, automatic, flipped],
    ['hand-edited at the encoder, automatic at the decoder', handEdited, automatic],
  ];
  for (const [label, encoderMask, decoderMask] of variants) {
    const encoderBlocks = new Set(insignificantBlocks(encoderMask, rows, cols));
    const decoderBlocks = new Set(insignificantBlocks(decoderMask, rows, cols));
    const disagreeing = [...encoderBlocks].filter((b) => !decoderBlocks.has(b)).length + [...decoderBlocks].filter((b) => !encoderBlocks.has(b)).length;
    assert.ok(disagreeing > 0.01 * blocks.length, `${label}: the masks differ (${disagreeing} blocks)`);
    const embedded = await embedDicom(CT, { segmenter: changingSegmenter(encoderMask, decoderMask), mask: encoderMask, keys, payloadFields: { Ref: label } });
    for (let i = 0; i < encoderMask.length; i++) if (encoderMask[i]) assert.equal(embedded.stegoPixels[i], cover.image.pixels[i], `${label}: body pixel changed`);
    const extracted = await extractDicom(embedded.output, { segmenter: changingSegmenter(decoderMask, decoderMask), keys });
    assert.deepEqual(extracted.payload, { Ref: label }, label);
    assert.equal(extracted.integrity?.intact, true, label);
  }
});

test('paper stays available by name and is extracted without a key', async () => {
  const embedded = await embedDicom(CT, { segmenter, profile: 'paper', payloadFields: { Ref: 'P-1' } });
  const extracted = await extractDicom(embedded.output, { segmenter });
  assert.equal(extracted.profile, 'paper');
  assert.deepEqual(extracted.payload, { Ref: 'P-1' });
  assert.equal(extracted.integrity, undefined);
});

// The service the panel and commands use, on real sample slices in Node (the same core code the
// browser runs): segment, embed with a mask, reveal with the right and a wrong key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MedstegoService } from '../../extension/src/services/MedstegoService.ts';
import { createThresholdSegmenter } from '../../src/segmentation/index.ts';
import { readDicom } from '../../src/dicom/index.ts';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = path.join(REPO_ROOT, 'samples/ct-series/lung-pet-ct-dx-1-14.dcm');
const newService = () => new MedstegoService({ createSegmenter: async () => createThresholdSegmenter() });

test('segment → embed (with the shown mask) → reveal with the key; a wrong key gives the clear error', async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const cover = await readDicom(bytes);
  const service = newService();
  const states: string[] = [];
  service.subscribe((state) => states.push(state.busy ?? 'idle'));

  const segmented = await service.segment(bytes);
  assert.equal(segmented.mask.length, cover.image.rows * cover.image.cols);
  assert.equal(segmented.segmenterName, 'threshold');

  service.setKey('correct horse battery staple');
  const stego = await service.run('Embedding', () => service.embed(bytes, segmented.mask));
  assert.ok(stego, service.state.error);
  assert.equal(service.state.embed?.segmenter, 'provided', 'the mask as shown was used');
  assert.ok(service.state.embed!.payloadBits > 0 && service.state.embed!.payloadBits <= service.state.embed!.capacityBits);
  assert.ok(Number.isFinite(service.state.embed!.psnrDb));
  assert.ok(states.includes('Embedding') && states.at(-1) === 'idle');

  const revealed = await service.run('Revealing', () => service.reveal(stego.output));
  assert.equal(revealed?.PatientName, cover.getString('PatientName'));
  assert.equal(service.state.revealShown, true);
  service.showQr();
  assert.ok(service.state.qr && service.state.qr.width > 21, 'QR image rendered on request');

  service.setKey('a different passphrase');
  assert.equal(await service.run('Revealing', () => service.reveal(stego.output)), undefined);
  assert.match(service.state.error ?? '', /Wrong key/);
  assert.equal(service.state.revealed, undefined, 'nothing from the earlier reveal stays on screen');
});

test('a damaged stego image gives a clear message, not a payload', async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const service = newService();
  service.setKey('correct horse battery staple');
  const stego = await service.run('Embedding', () => service.embed(bytes, undefined));
  assert.ok(stego, service.state.error);
  // Overwrite the first rows of pixel data (air, where the payload lives) with a ramp.
  const damaged = Uint8Array.from(stego.output);
  const pixelStart = damaged.length - 512 * 512 * 2;
  for (let i = 0; i < 512 * 120 * 2; i++) damaged[pixelStart + i] = (i * 37) & 0xff;
  assert.equal(await service.run('Revealing', () => service.reveal(damaged)), undefined);
  assert.match(service.state.error ?? '', /altered|damaged|No hidden payload/);
  assert.equal(service.state.revealed, undefined);
});

test('a keyed profile without a key asks for one; reset forgets everything', async () => {
  const service = newService();
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  assert.notEqual(service.profile, 'paper', 'a keyed profile is the default');
  assert.equal(await service.run('Embedding', () => service.embed(bytes, undefined)), undefined);
  assert.match(service.state.error ?? '', /needs a key/);
  service.reset();
  assert.equal(service.state.error, undefined);
  assert.equal(service.lastStego, undefined);
});

test('the paper profile needs no key and its QR code comes back', async () => {
  const service = newService();
  service.setProfile('paper');
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const stego = await service.run('Embedding', () => service.embed(bytes, undefined));
  assert.ok(stego, service.state.error);
  const revealed = await service.run('Revealing', () => service.reveal(stego.output));
  assert.ok(revealed?.PatientID, service.state.error);
  service.setProfile('no-such-profile');
  assert.equal(service.profile, 'paper', 'unknown profile names are ignored');
});

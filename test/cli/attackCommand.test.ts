import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { applyNoiseAttack } from '../../src/attacks/index.ts';
import { psnrDbRange } from '../../src/metrics/index.ts';
import { runCli, temporaryDirectory, FIXTURES } from '../helpers/runCli.ts';

const CT = path.join(FIXTURES, 'ct', 'tcga-thca-1-101.dcm');
const MR = path.join(FIXTURES, 'mr', 'brain-tumor-progression-1-12.dcm');

async function loadSlice(file: string) {
  return readDicom(new Uint8Array(readFileSync(file)));
}

test('attack writes a noisy copy at the target PSNR, keeps the UIDs, leaves the input alone', async () => {
  const dir = temporaryDirectory();
  const output = path.join(dir, 'attacked.dcm');
  const inputBefore = readFileSync(CT);
  const run = await runCli(['attack', CT, '-o', output, '--noise', 'gaussian', '--psnr', '53', '--seed', '7', '--json']);
  assert.equal(run.exitCode, 0, run.stderr.join('\n'));
  const record = run.json[0]!;
  assert.equal(record.ok, true);
  assert.equal(record.noise, 'gaussian');
  assert.equal(record.seed, 7);
  assert.ok(Math.abs(record.psnrDbRange - 53) <= 0.2);

  const cover = await loadSlice(CT);
  const attacked = await loadSlice(output);
  assert.ok(Math.abs(psnrDbRange(cover.image.pixels, attacked.image.pixels) - 53) <= 0.2, 'PSNR measured on the written file');
  // The file holds exactly what the core attack computes for the reported noise seed.
  const expected = applyNoiseAttack(cover.image, { noise: 'gaussian', psnrDb: 53, seed: record.noiseSeed });
  assert.deepEqual(attacked.image.pixels, expected.pixels);
  assert.equal(attacked.sopInstanceUid, cover.sopInstanceUid);
  assert.equal(attacked.seriesInstanceUid, cover.seriesInstanceUid);
  assert.match(attacked.getString('DerivationDescription') ?? '', /attack: gaussian noise/);
  assert.deepEqual(readFileSync(CT), inputBefore);

  // Same seed again: the same pixels; --new-uids: a new derived instance.
  const again = path.join(dir, 'again.dcm');
  assert.equal((await runCli(['attack', CT, '-o', again, '--noise', 'gaussian', '--psnr', '53', '--seed', '7', '--new-uids'])).exitCode, 0);
  const againSlice = await loadSlice(again);
  assert.deepEqual(againSlice.image.pixels, attacked.image.pixels);
  assert.notEqual(againSlice.sopInstanceUid, cover.sopInstanceUid);
  assert.notEqual(againSlice.seriesInstanceUid, cover.seriesInstanceUid);
});

test('attack on a directory mirrors it, one noise per file; salt-and-pepper by fraction', async () => {
  const dir = temporaryDirectory();
  const input = path.join(dir, 'in', 'series');
  mkdirSync(input, { recursive: true });
  copyFileSync(CT, path.join(input, 'a.dcm'));
  copyFileSync(MR, path.join(input, 'b.dcm'));
  const outDir = path.join(dir, 'out');
  const run = await runCli(['attack', path.join(dir, 'in'), '-o', outDir, '--noise', 'saltpepper', '--fraction', '0.001', '--json']);
  assert.equal(run.exitCode, 0, run.stderr.join('\n'));
  assert.equal(run.json.length, 2);
  for (const [name, source] of [['a.dcm', CT], ['b.dcm', MR]] as const) {
    const cover = await loadSlice(source);
    const attacked = await loadSlice(path.join(outDir, 'series', name));
    const record = run.json.find((entry) => entry.output === path.join(outDir, 'series', name))!;
    assert.equal(record.pixelsHit, Math.round(0.001 * cover.image.pixels.length));
    let changed = 0;
    for (let i = 0; i < cover.image.pixels.length; i++) if (cover.image.pixels[i] !== attacked.image.pixels[i]) changed++;
    assert.equal(changed, record.pixelsChanged);
  }
  assert.notEqual(run.json[0]!.noiseSeed, run.json[1]!.noiseSeed);
});

test('attack refuses bad arguments and never writes over its input', async () => {
  const dir = temporaryDirectory();
  const output = path.join(dir, 'x.dcm');
  for (const args of [
    ['--noise', 'gaussian', '--fraction', '0.01'],
    ['--noise', 'speckle', '--psnr', '53'],
    ['--noise', 'uniform'],
    ['--noise', 'saltpepper', '--psnr', '53', '--fraction', '0.01'],
    ['--noise', 'gaussian', '--psnr', '53', '--seed', '-1'],
  ]) {
    const run = await runCli(['attack', CT, '-o', output, ...args]);
    assert.equal(run.exitCode, 2, args.join(' '));
  }
  assert.equal(existsSync(output), false);
  const overInput = await runCli(['attack', CT, '-o', CT, '--noise', 'gaussian', '--psnr', '53', '--json']);
  assert.equal(overInput.json[0]!.error.code, 'OUTPUT_IS_INPUT');
});

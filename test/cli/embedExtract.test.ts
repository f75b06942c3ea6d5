import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readDicom } from '../../src/dicom/index.ts';
import { createSegmenterByName, DEFAULT_SEGMENTER } from '../../src/cli/segmenters.ts';
import { collectIdentityFields } from '../../src/payload/index.ts';
import { decodePng } from '../../src/png/index.ts';
import { runCli, temporaryDirectory, FIXTURES, REPO_ROOT } from '../helpers/runCli.ts';

const CT = path.join(FIXTURES, 'ct', 'tcga-thca-1-101.dcm');
const MR = path.join(FIXTURES, 'mr', 'sag-anon-mprage-0095.dcm');
const TRUNCATED = path.join(FIXTURES, 'formats', 'pydicom-testfiles', 'MR_truncated.dcm');

async function loadSlice(file: string) {
  return readDicom(new Uint8Array(readFileSync(file)));
}

for (const cover of [CT, MR]) {
  test(`embed → extract recovers the identity fields, body bit-identical (${path.basename(cover)})`, async () => {
    const dir = temporaryDirectory();
    const output = path.join(dir, 'stego.dcm');
    const embedded = await runCli(['embed', '--profile', 'paper', cover, '-o', output, '--json']);
    assert.equal(embedded.exitCode, 0, embedded.stdout.join('\n'));
    const record = embedded.json[0]!;
    assert.equal(record.ok, true);
    assert.deepEqual(
      Object.keys(record).sort(),
      ['ok', 'input', 'output', 'profile', 'segmenter', 'rows', 'cols', 'bitsStored', 'backgroundFraction', 'capacityBits', 'payloadBits', 'embeddedBits', 'payloadBytes', 'sealedBytes', 'psnrDb', 'psnrDbRange', 'psnrBoundDb', 'psnrBoundDbRange', 'parameters', 'mse', 'verified', 'sourceWasLossy', 'timingsMs'].sort(),
    );
    assert.ok(record.psnrDb > 50 && Number.isFinite(record.psnrDb));
    assert.ok(record.payloadBits > 0 && record.payloadBits <= record.capacityBits);

    const extracted = await runCli(['extract', output, '--qr-out', path.join(dir, 'qr.png'), '--json']);
    assert.equal(extracted.exitCode, 0, extracted.stdout.join('\n'));
    const coverSlice = await loadSlice(cover);
    assert.deepEqual(extracted.json[0]!.payload, collectIdentityFields((k) => coverSlice.getString(k)));
    const png = decodePng(readFileSync(path.join(dir, 'qr.png')));
    assert.ok(png.width > 21 && png.width === png.height);

    // Medical safety: every pixel of the (cover) body is unchanged, and the stored range is kept.
    const stegoSlice = await loadSlice(output);
    // The mask the CLI's default segmenter (the Mask R-CNN) found on the cover.
    const mask = await createSegmenterByName(DEFAULT_SEGMENTER).segment(coverSlice.image);
    let bodyPixels = 0;
    for (let i = 0; i < mask.length; i++) {
      if (mask[i]) {
        bodyPixels++;
        assert.equal(stegoSlice.image.pixels[i], coverSlice.image.pixels[i]);
      }
      assert.ok(stegoSlice.image.pixels[i]! >= coverSlice.image.minStored && stegoSlice.image.pixels[i]! <= coverSlice.image.maxStored);
    }
    assert.ok(bodyPixels > 1000, 'the slice has a body');
    assert.notEqual(stegoSlice.sopInstanceUid, coverSlice.sopInstanceUid);
  });
}

test('--payload-file hides the given fields instead of the header', async () => {
  const dir = temporaryDirectory();
  const payloadFile = path.join(dir, 'payload.json');
  writeFileSync(payloadFile, JSON.stringify({ RecordRef: 'HOSP-2026-000123', Note: 'research copy' }));
  assert.equal((await runCli(['embed', '--profile', 'paper', CT, '-o', path.join(dir, 'out.dcm'), '--payload-file', payloadFile])).exitCode, 0);
  const extracted = await runCli(['extract', path.join(dir, 'out.dcm'), '--json']);
  assert.deepEqual(extracted.json[0]!.payload, { RecordRef: 'HOSP-2026-000123', Note: 'research copy' });
});

test('a directory is mirrored; bad files are reported and do not stop the batch', async () => {
  const dir = temporaryDirectory();
  const input = path.join(dir, 'in');
  mkdirSync(path.join(input, 'series-a'), { recursive: true });
  copyFileSync(CT, path.join(input, 'series-a', 'ct.dcm'));
  copyFileSync(MR, path.join(input, 'mr.dcm'));
  copyFileSync(TRUNCATED, path.join(input, 'series-a', 'truncated.dcm'));
  writeFileSync(path.join(input, 'notes.txt'), 'not a DICOM file');
  const result = await runCli(['embed', '--profile', 'paper', input, '-o', path.join(dir, 'out'), '--json']);
  assert.equal(result.exitCode, 3, 'first failure is a DICOM input error');
  const byName = Object.fromEntries(result.json.map((r) => [path.basename(r.input), r]));
  assert.equal(byName['ct.dcm']!.ok, true);
  assert.equal(byName['mr.dcm']!.ok, true);
  assert.equal(byName['truncated.dcm']!.ok, false);
  assert.equal(byName['truncated.dcm']!.error.code, 'DICOM_TRUNCATED');
  assert.equal(byName['notes.txt'], undefined, 'non-DICOM files are skipped');
  assert.ok(existsSync(path.join(dir, 'out', 'series-a', 'ct.dcm')));
  assert.ok(existsSync(path.join(dir, 'out', 'mr.dcm')));
  assert.ok(!existsSync(path.join(dir, 'out', 'series-a', 'truncated.dcm')), 'nothing written for a failed file');
  assert.deepEqual(readdirSync(path.join(dir, 'out', 'series-a')), ['ct.dcm'], 'no temporary files left behind');
  assert.match(result.stderr.join('\n'), /2 succeeded, 1 failed, 1 non-DICOM files skipped/);
});

test('the output may never be the input, and existing outputs need --overwrite', async () => {
  const dir = temporaryDirectory();
  const input = path.join(dir, 'cover.dcm');
  copyFileSync(CT, input);
  const before = readFileSync(input);
  const same = await runCli(['embed', '--profile', 'paper', input, '-o', input, '--json']);
  assert.equal(same.exitCode, 2);
  assert.equal(same.json[0]!.error.code, 'OUTPUT_IS_INPUT');
  assert.deepEqual(readFileSync(input), before);

  const inside = await runCli(['embed', '--profile', 'paper', dir, '-o', path.join(dir, 'stego')]);
  assert.equal(inside.exitCode, 2, 'output inside the input directory is refused');

  const output = path.join(dir, 'out.dcm');
  writeFileSync(output, 'earlier result');
  const exists = await runCli(['embed', '--profile', 'paper', input, '-o', output, '--json']);
  assert.equal(exists.json[0]!.error.code, 'OUTPUT_EXISTS');
  assert.equal(readFileSync(output, 'utf8'), 'earlier result');
  assert.equal((await runCli(['embed', '--profile', 'paper', input, '-o', output, '--overwrite'])).exitCode, 0);
});

test('typed errors and exit codes: truncated input, clean image, bad parameters, usage', async () => {
  const dir = temporaryDirectory();
  const truncated = await runCli(['embed', '--profile', 'paper', TRUNCATED, '-o', path.join(dir, 'x.dcm'), '--json']);
  assert.equal(truncated.exitCode, 3);
  assert.equal(truncated.json[0]!.error.code, 'DICOM_TRUNCATED');
  assert.ok(!existsSync(path.join(dir, 'x.dcm')));

  const clean = await runCli(['extract', CT, '--json']);
  assert.equal(clean.exitCode, 6);
  assert.equal(clean.json[0]!.error.code, 'EXTRACT_NO_PAYLOAD');

  const badBeta = await runCli(['embed', '--profile', 'paper', CT, '-o', path.join(dir, 'y.dcm'), '--beta', '5000', '--json']);
  assert.equal(badBeta.json[0]!.error.code, 'EMBED_PARAMETERS_INVALID');
  assert.equal(badBeta.exitCode, 4);

  assert.equal((await runCli(['embed', CT])).exitCode, 2);
  assert.equal((await runCli(['frobnicate'])).exitCode, 2);
  assert.equal((await runCli(['embed', '--profile', 'paper', path.join(dir, 'missing.dcm'), '-o', path.join(dir, 'z.dcm')])).exitCode, 3);
});

test('segment writes an 8-bit mask PNG the size of the image (255 = body)', async () => {
  const dir = temporaryDirectory();
  const result = await runCli(['segment', CT, '--mask-out', path.join(dir, 'mask.png'), '--json']);
  assert.equal(result.exitCode, 0);
  const png = decodePng(readFileSync(path.join(dir, 'mask.png')));
  assert.equal(png.width, 512);
  assert.equal(png.height, 512);
  assert.equal(png.channels, 1);
  const values = new Set(png.data);
  assert.deepEqual([...values].sort((a, b) => a - b), [0, 255]);
  assert.ok(result.json[0]!.backgroundFraction > 0.2 && result.json[0]!.backgroundFraction < 0.95);
});

test('the installed bin runs (tsx register) and reports its version', () => {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'medstego.js'), '--version'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout.trim(), /^\d+\.\d+\.\d+$/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { collectIdentityFields } from '../../src/payload/index.ts';
import { runCli, temporaryDirectory, FIXTURES } from '../helpers/runCli.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

const CT = path.join(FIXTURES, 'ct', 'lung-pet-ct-dx-1-15.dcm');
const MR = path.join(FIXTURES, 'mr', 'sag-anon-mprage-0095.dcm');
const SEGMENTER = ['--segmenter', 'threshold'];
const NO_ENV = { env: {} };

function keyFiles(dir: string): { raw: string; hex: string; other: string } {
  const raw = path.join(dir, 'key.bin');
  const hex = path.join(dir, 'key.hex');
  const other = path.join(dir, 'other.bin');
  const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 0xff);
  writeFileSync(raw, bytes);
  writeFileSync(hex, `${Buffer.from(bytes).toString('hex')}\n`);
  writeFileSync(other, Uint8Array.from({ length: 32 }, (_, i) => i));
  return { raw, hex, other };
}

test('embed (default fidelity) with a key file → extract with the same key as hex, or from MEDSTEGO_KEY', async () => {
  const dir = temporaryDirectory();
  const keys = keyFiles(dir);
  const output = path.join(dir, 'stego.dcm');
  const embedded = await runCli(['embed', CT, '-o', output, '--key-file', keys.raw, ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(embedded.exitCode, 0, embedded.stderr.join('\n'));
  const record = embedded.json[0]!;
  assert.equal(record.profile, 'fidelity');
  assert.ok(record.sealedBytes > 0 && record.psnrDb <= record.psnrBoundDb && record.psnrBoundDb - record.psnrDb < 6);
  const cover = await readDicom(new Uint8Array(readFileSync(CT)));
  const expected = collectIdentityFields((k) => cover.getString(k));

  const extracted = await runCli(['extract', output, '--key-file', keys.hex, ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(extracted.exitCode, 0, extracted.stderr.join('\n'));
  assert.deepEqual(extracted.json[0]!.payload, expected);
  assert.equal(extracted.json[0]!.integrity.intact, true);

  const passphrase = await runCli(['embed', MR, '-o', path.join(dir, 'mr.dcm'), ...SEGMENTER], { env: { MEDSTEGO_KEY: 'a long enough passphrase' } });
  assert.equal(passphrase.exitCode, 0, passphrase.stderr.join('\n'));
  const fromEnvironment = await runCli(['extract', path.join(dir, 'mr.dcm'), ...SEGMENTER, '--json'], { env: { MEDSTEGO_KEY: 'a long enough passphrase' } });
  assert.equal(fromEnvironment.exitCode, 0);
  assert.equal(fromEnvironment.json[0]!.profile, 'fidelity');
});

test('keys never on the command line; keyed profiles refuse to run without one', async () => {
  const dir = temporaryDirectory();
  const noKey = await runCli(['embed', CT, '-o', path.join(dir, 'a.dcm'), ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(noKey.exitCode, 2);
  assert.match(noKey.stderr.join('\n'), /KEY_MISSING/);
  assert.ok(!existsSync(path.join(dir, 'a.dcm')));
  const onCommandLine = await runCli(['embed', CT, '-o', path.join(dir, 'b.dcm'), '--key', 'secret-on-the-command-line'], NO_ENV);
  assert.equal(onCommandLine.exitCode, 2);
  assert.match(onCommandLine.stderr.join('\n'), /USAGE/);
  const badKey = await runCli(['embed', CT, '-o', path.join(dir, 'c.dcm'), ...SEGMENTER], { env: { MEDSTEGO_KEY: 'short' } });
  assert.equal(badKey.exitCode, 2);
  assert.match(badKey.stderr.join('\n'), /KEY_INVALID/);
});

test('wrong key → exit 8, CRYPTO_AUTH_FAILED, and nothing of the payload printed', async () => {
  const dir = temporaryDirectory();
  const keys = keyFiles(dir);
  const output = path.join(dir, 'stego.dcm');
  assert.equal((await runCli(['embed', CT, '-o', output, '--key-file', keys.raw, ...SEGMENTER], NO_ENV)).exitCode, 0);
  for (const json of [[], ['--json']]) {
    const wrong = await runCli(['extract', output, '--key-file', keys.other, ...SEGMENTER, ...json], NO_ENV);
    assert.equal(wrong.exitCode, 8);
    const printed = [...wrong.stdout, ...wrong.stderr].join('\n');
    assert.match(printed, /CRYPTO_AUTH_FAILED/);
    const cover = await readDicom(new Uint8Array(readFileSync(CT)));
    for (const value of Object.values(collectIdentityFields((k) => cover.getString(k)))) if (value.length > 3) assert.ok(!printed.includes(value), `payload value printed: ${value}`);
  }
});

test('a payload larger than the capacity: exit 4, the capacity in the message, no file written', async () => {
  const dir = temporaryDirectory();
  const keys = keyFiles(dir);
  const random = seededRandom(2);
  const payloadFile = path.join(dir, 'big.json');
  writeFileSync(payloadFile, JSON.stringify({ Note: Array.from({ length: 3000 }, () => String.fromCharCode(33 + Math.floor(random() * 90))).join('') }));
  const output = path.join(dir, 'big.dcm');
  const result = await runCli(['embed', MR, '-o', output, '--key-file', keys.raw, '--payload-file', payloadFile, ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(result.exitCode, 4);
  assert.equal(result.json[0]!.error.code, 'PAYLOAD_CAPACITY_EXCEEDED');
  assert.match(result.json[0]!.error.message, /holds about \d+ bytes/);
  assert.ok(!existsSync(output));
});

test('inspect: capacity per profile and insignificant fraction; payload presence without the key, integrity with it', async () => {
  const dir = temporaryDirectory();
  const keys = keyFiles(dir);
  const output = path.join(dir, 'stego.dcm');
  assert.equal((await runCli(['embed', CT, '-o', output, '--key-file', keys.raw, ...SEGMENTER], NO_ENV)).exitCode, 0);

  const clean = await runCli(['inspect', CT, ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(clean.exitCode, 0);
  const cleanRecord = clean.json[0]!;
  assert.equal(cleanRecord.payload.present, false);
  assert.ok(cleanRecord.capacity.fidelityBytes > 100 && cleanRecord.capacity.paperBits > 1000);
  assert.ok(cleanRecord.backgroundFraction > 0.2 && cleanRecord.backgroundFraction < 0.95);

  const keyless = (await runCli(['inspect', output, ...SEGMENTER, '--json'], NO_ENV)).json[0]!;
  assert.equal(keyless.payload.present, true);
  assert.equal(keyless.payload.profile, 'fidelity');
  assert.ok(keyless.payload.sealedBytes > 0);
  assert.equal(keyless.payload.payloadBytes, undefined, 'nothing about the content without the key');

  const keyed = await runCli(['inspect', output, '--key-file', keys.raw, ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(keyed.json[0]!.payload.authenticated, true);
  assert.equal(keyed.json[0]!.payload.intact, true);
  assert.ok(keyed.json[0]!.payload.payloadBytes > 0);
  assert.ok(!keyed.stdout.join('\n').includes('PatientID'), 'inspect never prints the fields');
  const wrong = await runCli(['inspect', output, '--key-file', keys.other, ...SEGMENTER, '--json'], NO_ENV);
  assert.equal(wrong.json[0]!.payload.authenticated, false);
  assert.equal(wrong.json[0]!.payload.errorCode, 'CRYPTO_AUTH_FAILED');
});

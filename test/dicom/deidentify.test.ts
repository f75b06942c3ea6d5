/**
 * De-identification on the stego writer (PS3.15 Annex E Basic Profile, DESIGN §5, issue 4): no
 * original identifying value or instance UID left anywhere in the written bytes, UIDs mapped
 * consistently across a series by a keyed mapping, and no new dciodvfy errors.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deidentifiedUid, importUidKey, planDeidentification, readDicom, writeStegoDicom, type DicomSlice } from '../../src/dicom/index.ts';
import type { DcmjsDict } from '../../src/dicom/dcmjsModule.ts';
import { fixturesDir, listFilesRecursively, readBytes, thrownCode } from './dicomTestSupport.ts';
import { bytesContainValue, identifyingValues, instanceUids, MIN_SEARCHED_LENGTH, readDcmjs } from './identifyingValues.ts';

const SAMPLES = ['ct', 'mr'].flatMap((dir) => listFilesRecursively(path.join(fixturesDir, dir)).map((file) => path.join(dir, file)));

function randomKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

async function deidentify(slice: DicomSlice, key: Uint8Array): Promise<{ output: Uint8Array; reread: DicomSlice }> {
  const plan = await planDeidentification(slice, key);
  const output = writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego test de-identification', deidentification: plan });
  return { output, reread: await readDicom(output) };
}

function dciodvfyErrors(file: string): Set<string> {
  const result = spawnSync('dciodvfy', [file], { encoding: 'utf8' });
  if (result.error) assert.fail(`dciodvfy could not run (install the Debian package dicom3tools): ${result.error.message}`);
  return new Set(`${result.stdout}${result.stderr}`.split('\n').filter((line) => line.startsWith('Error')));
}

describe('de-identification (PS3.15 Annex E Basic Profile) on the stego writer', () => {
  let workDir = '';
  before(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'medstego-deid-'));
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  for (const [index, sample] of SAMPLES.entries()) {
    it(`${sample}: no original identifying value or UID anywhere in the bytes, no new dciodvfy errors`, async () => {
      const source = readBytes(path.join(fixturesDir, sample));
      const slice = await readDicom(source);
      const { output, reread } = await deidentify(slice, randomKey());

      const identifying = identifyingValues(slice);
      assert.ok(identifying.some(([keyword]) => keyword === 'PatientID'), 'the sample has a Patient ID to remove');
      for (const [keyword, value] of identifying) {
        assert.notEqual(reread.getString(keyword)?.trim() ?? '', value, `${keyword} still holds its value`);
        if (value.length < MIN_SEARCHED_LENGTH) continue;
        assert.ok(!bytesContainValue(output, value), `${keyword} value found in the output bytes`);
      }
      const uids = instanceUids(source);
      assert.ok(uids.size >= 4, 'study, series, SOP and frame of reference UIDs at least');
      for (const uid of uids) assert.ok(!bytesContainValue(output, uid), 'an original UID is left in the output bytes');

      assert.deepEqual(reread.image, slice.image, 'pixels untouched');
      const { meta, dict } = readDcmjs(output);
      assert.equal(dict['00120062']?.Value?.[0], 'YES');
      assert.match(String(dict['00120063']?.Value?.[0]), /Basic Profile/);
      const code = (dict['00120064']?.Value?.[0] ?? {}) as DcmjsDict;
      assert.deepEqual([code['00080100']?.Value?.[0], code['00080102']?.Value?.[0]], ['113100', 'DCM']);
      assert.equal(meta['00020003']?.Value?.[0], reread.sopInstanceUid);
      for (const tag of Object.keys(dict)) assert.equal(parseInt(tag.slice(0, 4), 16) % 2, 0, `private attribute ${tag} left`);
      for (const uid of [reread.studyInstanceUid, reread.seriesInstanceUid, reread.sopInstanceUid]) {
        assert.match(uid, /^2\.25\.(0|[1-9][0-9]*)$/);
        assert.ok(uid.length <= 64);
      }

      const cover = path.join(fixturesDir, sample);
      const written = path.join(workDir, `deid-${index}.dcm`);
      writeFileSync(written, output);
      const coverErrors = dciodvfyErrors(cover);
      assert.deepEqual([...dciodvfyErrors(written)].filter((line) => !coverErrors.has(line)), [], 'dciodvfy errors the cover did not have');
    });
  }

  it('maps UIDs consistently across a series under one key, differently under another', async () => {
    const first = await readDicom(readBytes(path.join(fixturesDir, 'ct', 'tcga-thca-1-021.dcm')));
    const second = await readDicom(readBytes(path.join(fixturesDir, 'ct', 'tcga-thca-1-101.dcm')));
    assert.equal(first.seriesInstanceUid, second.seriesInstanceUid, 'the two samples are one series');
    const key = randomKey();
    const a = await deidentify(first, key);
    const b = await deidentify(second, key);
    const c = await deidentify(first, randomKey());
    const frameOfReference = (bytes: Uint8Array) => readDcmjs(bytes).dict['00200052']?.Value?.[0];
    assert.equal(a.reread.seriesInstanceUid, b.reread.seriesInstanceUid);
    assert.equal(a.reread.studyInstanceUid, b.reread.studyInstanceUid);
    assert.equal(frameOfReference(a.output), frameOfReference(b.output));
    assert.equal(a.reread.getString('PatientID'), b.reread.getString('PatientID'), 'one pseudonym per patient');
    assert.notEqual(a.reread.sopInstanceUid, b.reread.sopInstanceUid);
    assert.notEqual(c.reread.seriesInstanceUid, a.reread.seriesInstanceUid);
    assert.notEqual(c.reread.studyInstanceUid, a.reread.studyInstanceUid);
    assert.notEqual(frameOfReference(c.output), frameOfReference(a.output));
    assert.notEqual(c.reread.getString('PatientID'), a.reread.getString('PatientID'));
    // The mapping is HMAC-SHA256 under the key, as a 2.25 UUID (version 8, RFC 9562 variant).
    const hmacKey = await importUidKey(key);
    assert.equal(a.reread.seriesInstanceUid, await deidentifiedUid(hmacKey, first.seriesInstanceUid));
    const hex = BigInt(a.reread.seriesInstanceUid.slice(5)).toString(16).padStart(32, '0');
    assert.equal(hex[12], '8');
    assert.ok('89ab'.includes(hex[16]!));
  });

  it('maps referenced SOP Instance UIDs in sequences with the same keyed mapping', async () => {
    const source = readBytes(path.join(fixturesDir, 'mr', 'brain-tumor-progression-1-12.dcm'));
    const slice = await readDicom(source);
    const key = randomKey();
    const { output } = await deidentify(slice, key);
    const referenced = (bytes: Uint8Array) =>
      ((readDcmjs(bytes).dict['00081140']?.Value ?? []) as DcmjsDict[]).map((item) => String(item['00081155']?.Value?.[0]));
    const before = referenced(source);
    assert.ok(before.length >= 1);
    const hmacKey = await importUidKey(key);
    assert.deepEqual(referenced(output), await Promise.all(before.map((uid) => deidentifiedUid(hmacKey, uid))));
  });

  it('refuses a plan made for another file and a key of the wrong length, with DEIDENTIFY_FAILED', async () => {
    const ct = await readDicom(readBytes(path.join(fixturesDir, 'ct', 'lung-pet-ct-dx-1-15.dcm')));
    const mr = await readDicom(readBytes(path.join(fixturesDir, 'mr', 'sag-anon-mprage-0095.dcm')));
    const plan = await planDeidentification(ct, randomKey());
    assert.equal(await thrownCode(() => writeStegoDicom(mr, mr.image.pixels, { derivationDescription: 'x', deidentification: plan })), 'DEIDENTIFY_FAILED');
    assert.equal(await thrownCode(() => planDeidentification(ct, new Uint8Array(16))), 'DEIDENTIFY_FAILED');
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { collectIdentityFields } from '../../src/payload/index.ts';
import { runCli, temporaryDirectory, FIXTURES } from '../helpers/runCli.ts';

const MR = path.join(FIXTURES, 'mr', 'sag-anon-mprage-0095.dcm');

test('embed --deidentify writes a de-identified stego file; extract with the key gives the identity back', async () => {
  const previousKey = process.env.MEDSTEGO_KEY;
  process.env.MEDSTEGO_KEY = randomBytes(32).toString('hex');
  try {
    const dir = temporaryDirectory();
    const output = path.join(dir, 'stego.dcm');
    const embedded = await runCli(['embed', MR, '-o', output, '--profile', 'fidelity', '--segmenter', 'threshold', '--deidentify', '--json']);
    assert.equal(embedded.exitCode, 0, embedded.stderr.join('\n'));
    assert.equal(embedded.json[0]!.deidentified, true);

    const cover = await readDicom(new Uint8Array(readFileSync(MR)));
    const stego = await readDicom(new Uint8Array(readFileSync(output)));
    assert.equal(stego.getString('PatientIdentityRemoved'), 'YES');
    assert.notEqual(stego.getString('PatientID'), cover.getString('PatientID'));
    assert.notEqual(stego.studyInstanceUid, cover.studyInstanceUid);

    const extracted = await runCli(['extract', output, '--segmenter', 'threshold', '--json']);
    assert.equal(extracted.exitCode, 0, extracted.stderr.join('\n'));
    assert.deepEqual(extracted.json[0]!.payload, collectIdentityFields((keyword) => cover.getString(keyword)));
  } finally {
    if (previousKey === undefined) delete process.env.MEDSTEGO_KEY;
    else process.env.MEDSTEGO_KEY = previousKey;
  }
});

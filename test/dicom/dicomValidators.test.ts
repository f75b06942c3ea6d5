/**
 * External validation of written stego files (DESIGN.md section 5): dciodvfy (Debian package
 * dicom3tools) must report no Error the cover did not already have, and dcmdump (Debian package
 * dcmtk) must parse the output as Explicit VR Little Endian without complaint. The tools are
 * required: a missing tool fails the test (CI installs `dicom3tools` and `dcmtk`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDicom, writeStegoDicom } from '../../src/dicom/index.ts';
import { FORMAT_EXPECTATIONS } from './formatExpectations.ts';
import { fixturesDir, listFilesRecursively, readBytes } from './dicomTestSupport.ts';

function run(tool: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    assert.fail(
      missing
        ? `${tool} is not installed: install the Debian packages dicom3tools (dciodvfy) and dcmtk (dcmdump), e.g. apt-get install -y dicom3tools dcmtk`
        : `${tool} failed to start: ${result.error.message}`,
    );
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function errorLines(file: string): Set<string> {
  const { output } = run('dciodvfy', [file]);
  return new Set(output.split('\n').filter((line) => line.startsWith('Error')));
}

const samples = [
  ...['ct', 'mr'].flatMap((dir) => listFilesRecursively(path.join(fixturesDir, dir)).map((file) => path.join(dir, file))),
  ...Object.entries(FORMAT_EXPECTATIONS)
    .filter(([, expected]) => expected === 'processed')
    .map(([file]) => path.join('formats', file)),
];

describe('written stego files pass the DICOM validators', () => {
  let workDir = '';
  before(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'medstego-dicom-'));
  });
  after(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  for (const [index, sample] of samples.entries()) {
    it(`${sample}: no new dciodvfy errors, dcmdump reads it`, async () => {
      const cover = path.join(fixturesDir, sample);
      const slice = await readDicom(readBytes(cover));
      const stego = path.join(workDir, `stego-${index}.dcm`);
      writeFileSync(stego, writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego 0.1.0 validator test' }));

      const coverErrors = errorLines(cover);
      const added = [...errorLines(stego)].filter((line) => !coverErrors.has(line));
      assert.deepEqual(added, [], 'dciodvfy errors the cover did not have');

      const dump = run('dcmdump', ['-q', '+P', '0002,0010', '+P', '0008,0008', stego]);
      assert.equal(dump.status, 0, dump.output);
      assert.match(dump.output, /\(0002,0010\) UI =LittleEndianExplicit/);
      assert.match(dump.output, /\(0008,0008\) CS \[DERIVED\\/);
      assert.doesNotMatch(dump.output, /^E: /m);
    });
  }
});

/**
 * The DICOM reader and writer over the whole shared data set (../shared/data next to the
 * repository): every real CT/MR slice must round-trip exactly; every format sample must have the
 * outcome listed in test/dicom/formatExpectations.ts. A missing data folder is a failure, not a skip.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { assertExpectedOutcome, listFilesRecursively, readBytes, repoRoot } from '../test/dicom/dicomTestSupport.ts';
import { FORMAT_EXPECTATIONS, type FormatExpectation } from '../test/dicom/formatExpectations.ts';

const dataDir = path.resolve(repoRoot, '..', 'shared', 'data');
/** Documentation files that sit beside the DICOM files. */
const NOT_DICOM = new Set(['README.md', 'manifest.csv']);

function expectationFor(file: string): FormatExpectation | undefined {
  if (file.startsWith('formats/')) return FORMAT_EXPECTATIONS[file.slice('formats/'.length)];
  if (file.startsWith('ct/') || file.startsWith('mr/')) return 'processed';
  return undefined;
}

describe('shared DICOM corpus', () => {
  it('the shared data folder exists', () => {
    assert.ok(existsSync(dataDir), `shared data folder not found at ${dataDir}: the corpus test needs ../shared/data next to the repository`);
  });
  if (!existsSync(dataDir)) return;

  const files = listFilesRecursively(dataDir).filter((file) => !NOT_DICOM.has(file));

  it('every file has an expected outcome and every format sample is present', () => {
    assert.deepEqual(files.filter((file) => expectationFor(file) === undefined), [], 'files with no expected outcome');
    const formats = new Set(files.filter((file) => file.startsWith('formats/')).map((file) => file.slice('formats/'.length)));
    assert.deepEqual(Object.keys(FORMAT_EXPECTATIONS).filter((file) => !formats.has(file)), [], 'listed format samples missing');
  });

  for (const file of files) {
    const expected = expectationFor(file);
    if (expected === undefined) continue;
    const label = expected === 'processed' ? 'processed' : `${expected.code} at ${expected.stage}`;
    it(`${file}: ${label}`, async () => {
      await assertExpectedOutcome(readBytes(path.join(dataDir, file)), expected);
    });
  }
});

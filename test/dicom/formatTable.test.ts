/**
 * Every sample under test/fixtures/formats has an expected outcome (formatExpectations.ts), and
 * every one is checked: processed files round-trip exactly, refused files fail with their code.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readDicom, writeStegoDicom } from '../../src/dicom/index.ts';
import { FORMAT_EXPECTATIONS } from './formatExpectations.ts';
import { assertRoundTrip, fixturesDir, listFilesRecursively, readBytes, thrownCode } from './dicomTestSupport.ts';

const formatsDir = path.join(fixturesDir, 'formats');

describe('format samples', () => {
  it('the expectation table lists exactly the files on disk', () => {
    assert.deepEqual(listFilesRecursively(formatsDir), Object.keys(FORMAT_EXPECTATIONS).sort());
  });

  for (const [file, expected] of Object.entries(FORMAT_EXPECTATIONS)) {
    const label = expected === 'processed' ? 'processed' : `${expected.code} at ${expected.stage}`;
    it(`${file}: ${label}`, async () => {
      const bytes = readBytes(path.join(formatsDir, file));
      if (expected === 'processed') {
        await assertRoundTrip(bytes);
      } else if (expected.stage === 'read') {
        assert.equal(await thrownCode(() => readDicom(bytes)), expected.code);
      } else {
        const slice = await readDicom(bytes);
        assert.equal(
          await thrownCode(() => writeStegoDicom(slice, slice.image.pixels, { derivationDescription: 'medstego test' })),
          expected.code,
        );
      }
    });
  }
});

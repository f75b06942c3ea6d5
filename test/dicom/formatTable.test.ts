/**
 * Every sample under test/fixtures/formats has an expected outcome (formatExpectations.ts), and
 * every one is checked: processed files round-trip exactly, refused files fail with their code.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FORMAT_EXPECTATIONS } from './formatExpectations.ts';
import { assertExpectedOutcome, fixturesDir, listFilesRecursively, readBytes } from './dicomTestSupport.ts';

const formatsDir = path.join(fixturesDir, 'formats');

describe('format samples', () => {
  it('the expectation table lists exactly the files on disk', () => {
    assert.deepEqual(listFilesRecursively(formatsDir), Object.keys(FORMAT_EXPECTATIONS).sort());
  });

  for (const [file, expected] of Object.entries(FORMAT_EXPECTATIONS)) {
    const label = expected === 'processed' ? 'processed' : `${expected.code} at ${expected.stage}`;
    it(`${file}: ${label}`, async () => {
      await assertExpectedOutcome(readBytes(path.join(formatsDir, file)), expected);
    });
  }
});

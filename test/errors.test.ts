import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CODES, MedstegoError, renderErrorDocs, wrapThrown } from '../src/errors/index.ts';
import { MEDSTEGO_VERSION } from '../src/version.ts';

test('docs/errors.md is generated from the registry (run npm run docs:errors)', () => {
  assert.equal(readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8'), renderErrorDocs());
});

test('every code maps to a non-zero exit code', () => {
  for (const [code, entry] of Object.entries(ERROR_CODES)) assert.ok(entry.exitCode > 0, code);
});

test('wrapThrown turns codec numbers and dicom-parser objects into MedstegoErrors', () => {
  assert.equal(wrapThrown(-7, 'DICOM_DECODE_FAILED', 'JPEG-LS').code, 'DICOM_DECODE_FAILED');
  assert.match(wrapThrown({ exception: 'bad tag' }, 'DICOM_CORRUPT', 'parse').message, /bad tag/);
  const original = new MedstegoError('DICOM_TRUNCATED', 'short');
  assert.equal(wrapThrown(original, 'INTERNAL', 'x'), original);
});

test('src/version.ts matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(MEDSTEGO_VERSION, pkg.version);
});

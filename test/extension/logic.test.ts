import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countChangedPixels, labelmapToMask, writeMaskToLabelmap } from '../../extension/src/logic/labelmapMask.ts';
import { instanceSource, stegoFileName } from '../../extension/src/logic/instanceSource.ts';
import { describeFailure } from '../../extension/src/logic/describeFailure.ts';
import { MedstegoError } from '../../src/errors/index.ts';

test('labelmap ↔ mask: any painted segment is body, and a mask round-trips', () => {
  assert.deepEqual([...labelmapToMask(Uint16Array.from([0, 1, 2, 0, 255]))], [0, 1, 1, 0, 1]);
  const labelmap = new Uint8Array(5).fill(7);
  writeMaskToLabelmap(Uint8Array.from([1, 0, 0, 1, 1]), labelmap);
  assert.deepEqual([...labelmap], [1, 0, 0, 1, 1]);
  assert.deepEqual([...labelmapToMask(labelmap)], [1, 0, 0, 1, 1]);
  assert.throws(() => writeMaskToLabelmap(new Uint8Array(3), new Uint8Array(4)), RangeError);
  assert.equal(countChangedPixels(Uint8Array.from([1, 0, 1, 0]), Uint8Array.from([1, 1, 0, 0])), 2);
});

test('instanceSource: same-origin paths and page blobs only', () => {
  const origin = 'http://127.0.0.1:3000';
  const cases: Array<[string, ReturnType<typeof instanceSource>['kind'], string?]> = [
    ['dicomweb:/samples/ct/a.dcm', 'url', '/samples/ct/a.dcm'],
    ['wadouri:/studies/b.dcm?frame=2', 'url', '/studies/b.dcm'],
    ['dicomweb:http://127.0.0.1:3000/x.dcm', 'url', '/x.dcm'],
    [`dicomweb:blob:${origin}/1234-5678`, 'url', `blob:${origin}/1234-5678`],
    ['dicomweb:https://pacs.example.org/wado?objectUID=1', 'unsupported'],
    ['dicomweb:blob:https://evil.example/1234', 'unsupported'],
    ['wadors:/dicom-web/studies/1/series/2/instances/3/frames/1', 'wado-rs', '/dicom-web/studies/1/series/2/instances/3'],
    ['wadors:https://pacs.example.org/dicom-web/studies/1/series/2/instances/3/frames/1', 'unsupported'],
    ['wadors:/dicom-web/studies/1/series/2', 'unsupported'],
  ];
  for (const [imageId, kind, url] of cases) {
    const source = instanceSource(imageId, origin);
    assert.equal(source.kind, kind, imageId);
    if (source.kind !== 'unsupported') assert.equal(source.url, url, imageId);
  }
});

test('stegoFileName carries only the UID', () => {
  assert.equal(stegoFileName('2.25.1234'), 'medstego-2.25.1234.dcm');
  assert.equal(stegoFileName('1.2/../3'), 'medstego-1.2..3.dcm');
});

test('describeFailure: viewer wording for known codes, the core message otherwise', () => {
  assert.match(describeFailure(new MedstegoError('CRYPTO_AUTH_FAILED', 'x')), /Wrong key/);
  assert.match(describeFailure(new MedstegoError('KEY_INVALID', 'x')), /needs a key/);
  assert.equal(describeFailure(new MedstegoError('DICOM_MULTIFRAME', 'Only single frames')), 'Only single frames (DICOM_MULTIFRAME)');
  assert.equal(describeFailure(new Error('plain')), 'plain');
  assert.equal(describeFailure(42), '42');
});

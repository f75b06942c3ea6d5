/** The model metadata check: contract v1 accepted in both spellings, every mismatch a MODEL_INVALID naming its field. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isMedstegoError } from '../../../src/errors/index.ts';
import { loadMaskRcnnMetadata } from '../../../src/segmentation/maskrcnn/index.ts';

const VALID = {
  contractVersion: 1,
  preprocessing: 'v1',
  input: { name: 'image', shape: [1, 1, 256, 256] },
  outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' },
  scoreThreshold: 0.6,
  maskThreshold: 0.4,
  training: { iterations: 1234 },
};

function rejects(json: unknown, field: string): void {
  assert.throws(() => loadMaskRcnnMetadata(json), (error) => isMedstegoError(error, 'MODEL_INVALID') && error.details.field === field, JSON.stringify(json));
}

describe('loadMaskRcnnMetadata', () => {
  it('reads the contract fields and ignores the rest', () => {
    assert.deepEqual(loadMaskRcnnMetadata(VALID), {
      contractVersion: 1,
      preprocessing: 'v1',
      inputName: 'image',
      inputSize: 256,
      outputNames: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' },
      scoreThreshold: 0.6,
      maskThreshold: 0.4,
    });
  });

  it('accepts JSON text, a list of output names, flat input fields and default thresholds', () => {
    const metadata = loadMaskRcnnMetadata(JSON.stringify({ contractVersion: 1, preprocessing: { id: 'v1' }, inputName: 'x', inputSize: 256, outputs: ['masks', 'scores', 'labels', 'boxes'] }));
    assert.equal(metadata.inputName, 'x');
    assert.equal(metadata.scoreThreshold, 0.5);
    assert.equal(metadata.maskThreshold, 0.5);
    assert.equal(metadata.outputNames.masks, 'masks');
  });

  it('refuses what the runner does not implement', () => {
    rejects({ ...VALID, contractVersion: 2 }, 'contractVersion');
    rejects({ ...VALID, contractVersion: undefined }, 'contractVersion');
    rejects({ ...VALID, preprocessing: 'v2' }, 'preprocessing');
    rejects({ ...VALID, input: { name: 'image', shape: [1, 3, 256, 256] } }, 'input.shape');
    rejects({ ...VALID, input: { name: 'image', shape: [1, 1, 512, 512] } }, 'input.shape');
    rejects({ ...VALID, input: { name: '', shape: [1, 1, 256, 256] } }, 'input.name');
    rejects({ ...VALID, outputs: ['boxes', 'scores', 'masks'] }, 'outputs');
    rejects({ ...VALID, outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores' } }, 'outputs.masks');
    rejects({ ...VALID, scoreThreshold: 1.5 }, 'scoreThreshold');
    rejects({ ...VALID, maskThreshold: '0.5' }, 'maskThreshold');
    rejects([VALID], '');
    rejects('{"contractVersion": 1,', '');
  });
});

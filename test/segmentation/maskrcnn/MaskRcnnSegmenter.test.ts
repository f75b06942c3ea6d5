/**
 * createMaskRcnnSegmenter's wiring, with a stand-in session (the real model runs in
 * onnxRuntimes.test.ts): what it feeds the session, what it does with the outputs and with failures.
 * The stand-in "network" thresholds its own input, so the masks it yields depend on the slice.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDicom } from '../../../src/dicom/index.ts';
import { isMedstegoError } from '../../../src/errors/index.ts';
import { intersectionOverUnion } from '../../../src/metrics/index.ts';
import { createThresholdSegmenter } from '../../../src/segmentation/index.ts';
import { createMaskRcnnSegmenter, preprocessSlice, type InferenceSessionLike, type TensorLike } from '../../../src/segmentation/maskrcnn/index.ts';
import { countOnes, craftedOutputs, METADATA } from './craftedOutputs.ts';

class PlainTensor implements TensorLike {
  constructor(
    readonly type: 'float32',
    readonly data: Float32Array,
    readonly dims: readonly number[],
  ) {}
}

interface Recorder {
  feeds: Array<Record<string, TensorLike>>;
  disposed: number;
}

/** A session whose one instance is its input above `level`: a crude body detector for CT. */
function thresholdingSession(level: number, recorder: Recorder): InferenceSessionLike {
  return {
    async run(feeds) {
      recorder.feeds.push(feeds);
      const input = feeds.image!.data as Float32Array;
      const outputs = craftedOutputs([{ score: 0.9, canvas: input.map((v) => (v > level ? 1 : 0)) }]);
      for (const t of Object.values(outputs)) (t as { dispose?: () => void }).dispose = () => recorder.disposed++;
      return outputs;
    },
  };
}

const CT = new URL('../../fixtures/ct/tcga-thca-1-101.dcm', import.meta.url);

describe('createMaskRcnnSegmenter', () => {
  it('feeds the pre-processed slice as [1, 1, 256, 256] under the metadata input name and disposes the outputs', async () => {
    const image = (await readDicom(new Uint8Array(readFileSync(CT)))).image;
    const recorder: Recorder = { feeds: [], disposed: 0 };
    const segmenter = createMaskRcnnSegmenter({ runtime: { Tensor: PlainTensor }, session: thresholdingSession(0.43, recorder), metadata: METADATA });
    assert.equal(segmenter.name, 'maskrcnn');
    const mask = await segmenter.segment(image);
    assert.equal(recorder.feeds.length, 1);
    const feed = recorder.feeds[0]!;
    assert.deepEqual(Object.keys(feed), ['image']);
    assert.deepEqual(feed.image!.dims, [1, 1, 256, 256]);
    assert.deepEqual(feed.image!.data, preprocessSlice(image).input);
    assert.equal(recorder.disposed, 4);
    // −400 HU is 0.43 of the CT window: the stand-in finds body and table, the refinement keeps the outline.
    assert.equal(mask.length, image.rows * image.cols);
    assert.ok(countOnes(mask) > 0.1 * mask.length);
    assert.ok(intersectionOverUnion(mask, await createThresholdSegmenter().segment(image)) > 0.9);
  });

  it('wraps a session failure as SEGMENTATION_FAILED and a contract mismatch as MODEL_INVALID', async () => {
    const image = (await readDicom(new Uint8Array(readFileSync(CT)))).image;
    const failing: InferenceSessionLike = { run: () => Promise.reject(new Error('out of memory')) };
    await assert.rejects(createMaskRcnnSegmenter({ runtime: { Tensor: PlainTensor }, session: failing, metadata: METADATA }).segment(image), (e) => isMedstegoError(e, 'SEGMENTATION_FAILED'));
    const renamed: InferenceSessionLike = { run: async () => ({ ...craftedOutputs([]), masks: undefined as never, mask: craftedOutputs([]).masks! }) };
    await assert.rejects(createMaskRcnnSegmenter({ runtime: { Tensor: PlainTensor }, session: renamed, metadata: METADATA }).segment(image), (e) => isMedstegoError(e, 'MODEL_INVALID'));
  });

  it('returns an empty mask for an empty image and refuses a bad margin at creation', async () => {
    const recorder: Recorder = { feeds: [], disposed: 0 };
    const segmenter = createMaskRcnnSegmenter({ runtime: { Tensor: PlainTensor }, session: thresholdingSession(0.5, recorder), metadata: METADATA });
    const image = (await readDicom(new Uint8Array(readFileSync(CT)))).image;
    assert.equal((await segmenter.segment({ ...image, rows: 0, cols: 0, pixels: new Int32Array(0) })).length, 0);
    assert.equal(recorder.feeds.length, 0);
    assert.throws(() => createMaskRcnnSegmenter({ runtime: { Tensor: PlainTensor }, session: thresholdingSession(0.5, recorder), metadata: METADATA, safetyMarginPixels: -1 }), RangeError);
  });
});

/**
 * The CLI's segmenter choice: the default is the Mask R-CNN (the committed model, one session per
 * process), `threshold` stays selectable, and a missing, mismatched or unreadable model fails with
 * its own code
 * (the network itself is tested in test/segmentation/maskrcnn/onnxRuntimes.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../src/dicom/index.ts';
import { decodePng } from '../../src/png/index.ts';
import { DEFAULT_MODEL_PATH, loadOnnxNodeSession } from '../../src/cli/maskRcnnModel.ts';
import { createSegmenterByName, DEFAULT_SEGMENTER, SEGMENTER_NAMES } from '../../src/cli/segmenters.ts';
import { runCli, temporaryDirectory, FIXTURES } from '../helpers/runCli.ts';

const CT = path.join(FIXTURES, 'ct', 'tcga-thca-1-101.dcm');

test('maskrcnn is the default segmenter; threshold stays selectable', async () => {
  assert.equal(DEFAULT_SEGMENTER, 'maskrcnn');
  assert.deepEqual([...SEGMENTER_NAMES].sort(), ['maskrcnn', 'threshold']);
  const dir = temporaryDirectory();
  const result = await runCli(['segment', CT, '--mask-out', path.join(dir, 'mask.png'), '--segmenter', 'threshold', '--json']);
  assert.equal(result.exitCode, 0);
  assert.equal(result.json[0]!.segmenter, 'threshold');
});

test('segment without --segmenter runs the committed Mask R-CNN, loading it once per process', async () => {
  const dir = temporaryDirectory();
  const result = await runCli(['segment', CT, '--mask-out', path.join(dir, 'mask.png'), '--json']);
  assert.equal(result.exitCode, 0, result.stderr.join('\n'));
  assert.equal(result.json[0]!.segmenter, 'maskrcnn');
  const png = decodePng(readFileSync(path.join(dir, 'mask.png')));
  const expected = await createSegmenterByName('maskrcnn').segment((await readDicom(new Uint8Array(readFileSync(CT)))).image);
  assert.deepEqual(Uint8Array.from(png.data, (v) => (v ? 1 : 0)), expected);
  assert.equal(loadOnnxNodeSession(DEFAULT_MODEL_PATH), loadOnnxNodeSession(DEFAULT_MODEL_PATH), 'one session per model and process');
});

test('a missing model file is MODEL_NOT_FOUND before any file is processed', async () => {
  const dir = temporaryDirectory();
  const result = await runCli(['segment', CT, '--mask-out', path.join(dir, 'mask.png'), '--model', path.join(dir, 'absent.onnx'), '--json']);
  assert.equal(result.exitCode, 7);
  assert.equal(result.json[0]!.error.code, 'MODEL_NOT_FOUND');
  assert.match(result.stderr.join('\n'), /--segmenter threshold/);
});

test('metadata that breaks the contract is MODEL_INVALID; an unreadable .onnx fails on the first slice', async () => {
  const dir = temporaryDirectory();
  const model = path.join(dir, 'model.onnx');
  writeFileSync(model, 'not an onnx graph');
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ contractVersion: 2, preprocessing: 'v1' }));
  const mismatched = await runCli(['segment', CT, '--mask-out', path.join(dir, 'a.png'), '--model', model, '--json']);
  assert.equal(mismatched.exitCode, 7);
  assert.equal(mismatched.json[0]!.error.code, 'MODEL_INVALID');

  writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ contractVersion: 1, preprocessing: 'v1' }));
  const unreadable = await runCli(['segment', CT, '--mask-out', path.join(dir, 'b.png'), '--model', model, '--json']);
  assert.equal(unreadable.exitCode, 7);
  assert.equal(unreadable.json[0]!.ok, false);
  assert.equal(unreadable.json[0]!.error.code, 'MODEL_INVALID');
});

test('--model with --segmenter threshold is a usage error', async () => {
  const dir = temporaryDirectory();
  const result = await runCli(['segment', CT, '--mask-out', path.join(dir, 'mask.png'), '--segmenter', 'threshold', '--model', 'x.onnx']);
  assert.equal(result.exitCode, 2);
});

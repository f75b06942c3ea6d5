/**
 * The Mask R-CNN on every CT and MR slice of ../shared/data, on both Node runtimes: onnxruntime-node
 * (the CLI) and onnxruntime-web WASM (the viewer's fallback) must give the same masks (IoU ≥ 0.999
 * on every slice), and the masks must stay close to the reviewed classical reference (same safety
 * margin on both sides), reported per modality and per series. MASKRCNN_CORPUS_STRIDE=k samples
 * every k-th slice instead (default 1: all of them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicom } from '../src/dicom/index.ts';
import { intersectionOverUnion } from '../src/metrics/index.ts';
import { createThresholdSegmenter } from '../src/segmentation/index.ts';
import { nodeSegmenter, webSegmenter } from '../test/segmentation/maskrcnn/realModel.ts';
import { listFilesUnder } from '../scripts/listFilesUnder.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(REPO_ROOT, '..', 'shared', 'data');
const STRIDE = Math.max(1, Number(process.env.MASKRCNN_CORPUS_STRIDE ?? 1));
/** Mean IoU vs the classical reference, per modality (the target for the network is 0.97). */
const MIN_MEAN_IOU = 0.97;

for (const modality of ['ct', 'mr']) {
  test(`maskrcnn on ${modality.toUpperCase()} slices of ../shared/data: node = web, close to the reference`, { timeout: 30 * 60_000 }, async (t) => {
    assert.ok(existsSync(path.join(DATA, modality)), `missing ${path.join(DATA, modality)}: the corpus tests need the shared data folder`);
    const all = listFilesUnder(path.join(DATA, modality));
    assert.ok(all.length > 20, `only ${all.length} files under ${modality}`);
    const files = all.filter((_, i) => i % STRIDE === 0);
    const node = nodeSegmenter();
    const web = await webSegmenter();
    const classical = createThresholdSegmenter();
    const bySeries = new Map<string, number[]>();
    const disagreements: string[] = [];
    for (const file of files) {
      const image = (await readDicom(new Uint8Array(readFileSync(file)))).image;
      const fromNode = await node.segment(image);
      const fromWeb = await web.segment(image);
      const agreement = intersectionOverUnion(fromNode, fromWeb);
      if (agreement < 0.999) disagreements.push(`${path.relative(DATA, file)}: node vs web IoU ${agreement.toFixed(5)}`);
      const series = path.relative(path.join(DATA, modality), file).split(path.sep)[0]!;
      const list = bySeries.get(series) ?? [];
      list.push(intersectionOverUnion(fromNode, await classical.segment(image)));
      bySeries.set(series, list);
    }
    const ious = [...bySeries.values()].flat();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    for (const [series, values] of bySeries) t.diagnostic(`${series}: ${values.length} slices, IoU vs classical mean ${mean(values).toFixed(4)}, min ${Math.min(...values).toFixed(4)}`);
    t.diagnostic(`${modality.toUpperCase()}: ${ious.length} slices (stride ${STRIDE}), mean IoU vs classical ${mean(ious).toFixed(4)}; node vs web IoU < 0.999 on ${disagreements.length}`);
    assert.deepEqual(disagreements, [], 'onnxruntime-node and onnxruntime-web give the same masks');
    assert.ok(mean(ious) >= MIN_MEAN_IOU, `mean IoU vs classical ${mean(ious)}`);
  });
}

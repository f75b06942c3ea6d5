/**
 * The committed Mask R-CNN on the real fixture slices (test/fixtures/ct, mr) with both Node runtimes:
 * onnxruntime-node (the CLI) and onnxruntime-web WASM (the viewer's fallback path). Same masks from
 * both (IoU ≥ 0.999), close to the reviewed classical masks (IoU ≥ 0.95), an empty mask on pure
 * noise, and sensible masks (never a crash) on tiny images and tight crops.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { PixelImage } from '../../../src/image/PixelImage.ts';
import { intersectionOverUnion } from '../../../src/metrics/index.ts';
import { createThresholdSegmenter, type Segmenter } from '../../../src/segmentation/index.ts';
import { countOnes } from './craftedOutputs.ts';
import { nodeSegmenter, webSegmenter } from './realModel.ts';
import { cropImage, loadFixtureImage } from '../fixtureImages.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const SLICES = ['ct', 'mr'].flatMap((modality) => readdirSync(new URL(`${modality}/`, FIXTURES)).filter((f) => f.endsWith('.dcm')).map((f) => `${modality}/${f}`));

function assertBinary(mask: Uint8Array, image: PixelImage, label: string): void {
  assert.equal(mask.length, image.rows * image.cols, label);
  for (const v of mask) if (v !== 0 && v !== 1) assert.fail(`${label}: mask value ${v}`);
}

describe('Mask R-CNN on onnxruntime-node and onnxruntime-web (WASM)', () => {
  let node: Segmenter;
  let web: Segmenter;
  const classical = createThresholdSegmenter();
  before(async () => {
    node = nodeSegmenter();
    web = await webSegmenter();
  });

  it('has fixtures of both modalities', () => {
    assert.ok(SLICES.filter((s) => s.startsWith('ct/')).length >= 4 && SLICES.filter((s) => s.startsWith('mr/')).length >= 4);
  });

  for (const name of SLICES) {
    it(`${name}: node and web agree (IoU ≥ 0.999) and match the classical mask (IoU ≥ 0.95)`, async () => {
      const image = await loadFixtureImage(name);
      const fromNode = await node.segment(image);
      const fromWeb = await web.segment(image);
      assertBinary(fromNode, image, name);
      const reference = await classical.segment(image);
      const agreement = intersectionOverUnion(fromNode, fromWeb);
      const iou = intersectionOverUnion(fromNode, reference);
      assert.ok(agreement >= 0.999, `${name}: node vs web IoU ${agreement}`);
      assert.ok(iou >= 0.95, `${name}: IoU vs classical ${iou}`);
      if (name.includes('noise')) assert.equal(countOnes(fromNode), 0, 'pure noise: no body');
    });
  }

  it('a tight crop that cuts the body and the lungs at every border stays body', async () => {
    const image = await loadFixtureImage('ct/tcga-thca-1-101.dcm');
    const reference = await classical.segment(image);
    // Bounding box of the body, shrunk by 40 px on each side: the body touches all four borders.
    let top = image.rows, bottom = 0, left = image.cols, right = 0;
    for (let y = 0; y < image.rows; y++) for (let x = 0; x < image.cols; x++) if (reference[y * image.cols + x]) { top = Math.min(top, y); bottom = Math.max(bottom, y); left = Math.min(left, x); right = Math.max(right, x); }
    const tight = cropImage(image, top + 40, bottom - 40, left + 40, right - 40);
    const mask = await node.segment(tight);
    assertBinary(mask, tight, 'tight crop');
    const iou = intersectionOverUnion(mask, await classical.segment(tight));
    assert.ok(iou >= 0.95, `tight crop: IoU vs classical ${iou}`);
    assert.ok(intersectionOverUnion(mask, await web.segment(tight)) >= 0.999);
  });

  it('tiny images and strips give masks of their size, never a crash', async () => {
    const ct = await loadFixtureImage('ct/tcga-thca-1-101.dcm');
    const mr = await loadFixtureImage('mr/sag-anon-mprage-0095.dcm');
    const cases: Array<[string, PixelImage]> = [
      ['8×8 air corner', cropImage(ct, 0, 8, 0, 8)],
      ['8×8 inside the body', cropImage(ct, 252, 260, 252, 260)],
      ['1×300 row', cropImage(ct, 256, 257, 100, 400)],
      ['300×1 column', cropImage(ct, 100, 400, 256, 257)],
      ['1×1', cropImage(ct, 256, 257, 256, 257)],
      ['MR 16×200', cropImage(mr, 120, 136, 20, 220)],
    ];
    for (const [label, image] of cases) {
      const mask = await node.segment(image);
      assertBinary(mask, image, label);
      assertBinary(await web.segment(image), image, label);
    }
    assert.equal(countOnes(await node.segment(cases[0]![1])), 0, 'air stays air');
  });
});

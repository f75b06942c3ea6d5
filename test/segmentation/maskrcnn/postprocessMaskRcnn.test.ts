/**
 * The Mask R-CNN's post-processing on crafted outputs (no model): union of confident instances,
 * letterbox crop and resampling (same convention as preprocessSlice), hole filling, boundary
 * refinement by the classical segmenter, safety margin, padding; degenerate images and outputs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isMedstegoError } from '../../../src/errors/index.ts';
import type { PixelImage } from '../../../src/image/PixelImage.ts';
import { intersectionOverUnion } from '../../../src/metrics/index.ts';
import { erodeMask, segmentByThreshold } from '../../../src/segmentation/index.ts';
import {
  pasteCanvasMask,
  postprocessMaskRcnn,
  preprocessSlice,
  refineMaskBoundary,
  tissueSupport,
  MIN_TISSUE_SUPPORT,
  unionConfidentInstances,
} from '../../../src/segmentation/maskrcnn/index.ts';
import { makePhantom } from '../../helpers/syntheticImage.ts';
import { countOnes, craftedOutputs, METADATA, paintCanvas, tensor } from './craftedOutputs.ts';

function disc(rows: number, cols: number, cy: number, cx: number, r: number): Uint8Array {
  const mask = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) mask[y * cols + x] = Math.hypot(y - cy, x - cx) <= r ? 1 : 0;
  return mask;
}

describe('unionConfidentInstances', () => {
  it('takes the per-pixel maximum over instances scoring at least scoreThreshold', () => {
    const left = paintCanvas((_y, x) => x < 100, 0.9, 0.1);
    const right = paintCanvas((_y, x) => x >= 150, 0.7, 0.2);
    const table = paintCanvas((y) => y > 230, 1, 0);
    const union = unionConfidentInstances(craftedOutputs([{ score: 0.95, canvas: left }, { score: 0.5, canvas: right }, { score: 0.49, canvas: table }]), METADATA);
    assert.ok(Math.abs(union[10 * 256 + 50]! - 0.9) < 1e-6);
    assert.ok(Math.abs(union[10 * 256 + 120]! - 0.2) < 1e-6);
    assert.ok(Math.abs(union[10 * 256 + 200]! - 0.7) < 1e-6);
    assert.ok(Math.abs(union[240 * 256 + 120]! - 0.2) < 1e-6, 'the low-scoring instance is ignored');
  });

  it('gives an empty canvas for no detection (N = 0)', () => {
    const union = unionConfidentInstances(craftedOutputs([]), METADATA);
    assert.equal(union.length, 256 * 256);
    assert.equal(countOnes(union), 0);
  });

  it('refuses outputs that break the contract', () => {
    const good = craftedOutputs([{ score: 0.9, canvas: paintCanvas(() => true) }]);
    const check = (outputs: Record<string, unknown>, output: string) =>
      assert.throws(() => unionConfidentInstances(outputs as never, METADATA), (e) => isMedstegoError(e, 'MODEL_INVALID') && e.details.output === output);
    check({ ...good, masks: undefined }, 'masks');
    check({ ...good, masks: tensor('float32', new Float32Array(128 * 128), [1, 1, 128, 128]) }, 'masks');
    check({ ...good, masks: tensor('float16', new Uint16Array(256 * 256), [1, 1, 256, 256]) }, 'masks');
    check({ ...good, scores: tensor('float32', new Float32Array(2), [2]) }, 'masks');
    check({ ...good, scores: tensor('float32', new Float32Array(1), [1, 1]) }, 'scores');
  });
});

describe('pasteCanvasMask', () => {
  it('maps a canvas step at column c to slice column 2c on a 512-wide slice (half-pixel centres)', () => {
    for (const c of [1, 77, 128, 255]) {
      const mask = pasteCanvasMask(paintCanvas((_y, x) => x >= c), { canvasSize: 256, resizedRows: 256, resizedCols: 256 }, 512, 512, 0.5);
      for (const y of [0, 300, 511]) {
        assert.equal(mask[y * 512 + 2 * c - 1], 0, `column ${2 * c - 1}`);
        assert.equal(mask[y * 512 + 2 * c], 1, `column ${2 * c}`);
      }
    }
  });

  it('reads only the letterbox: nothing below resizedRows reaches the slice', () => {
    // 128×512 slice: letterbox 64×256 at the top-left of the canvas.
    const below = pasteCanvasMask(paintCanvas((y) => y >= 64), { canvasSize: 256, resizedRows: 64, resizedCols: 256 }, 128, 512, 0.5);
    assert.equal(countOnes(below), 0);
    const top = pasteCanvasMask(paintCanvas((y) => y < 32), { canvasSize: 256, resizedRows: 64, resizedCols: 256 }, 128, 512, 0.5);
    assert.equal(countOnes(top), 64 * 512, 'canvas rows 0..31 are slice rows 0..63');
    assert.equal(top[63 * 512], 1);
    assert.equal(top[64 * 512], 0);
  });

  it('inverts preprocessSlice: a body put through the letterbox and back keeps its shape (odd sizes, both orientations)', () => {
    for (const [rows, cols] of [[300, 200], [200, 300], [37, 511], [512, 512], [8, 8]] as const) {
      const truth = disc(rows, cols, rows / 2, cols / 2, Math.min(rows, cols) * 0.35);
      const pixels = Int32Array.from(truth, (v) => (v ? 1024 : 24));
      const image: PixelImage = { ...makePhantom().image, rows, cols, pixels };
      const pre = preprocessSlice(image);
      // "Probability" = the normalised slice (body at 0 HU is 1000/1400 of the CT window).
      const canvas = pre.input.map((v) => Math.min(1, v / (1000 / 1400)));
      const mask = pasteCanvasMask(canvas, { canvasSize: 256, ...pre }, rows, cols, 0.5);
      const iou = intersectionOverUnion(mask, truth);
      assert.ok(iou >= (rows * cols < 1000 ? 0.8 : 0.98), `${rows}×${cols}: IoU ${iou}`);
    }
  });
});

describe('refineMaskBoundary', () => {
  const rows = 200;
  const cols = 200;
  const network = disc(rows, cols, 100, 100, 60);

  it('takes the classical outline of the body the network detected', () => {
    const classical = disc(rows, cols, 100, 100, 64);
    assert.deepEqual(refineMaskBoundary(network, classical, rows, cols, 6), classical);
    const smaller = disc(rows, cols, 100, 100, 57);
    assert.deepEqual(refineMaskBoundary(network, smaller, rows, cols, 6), smaller);
    // An arm joined to the body reaches far beyond the network's outline: the classical mask wins.
    const withArm = disc(rows, cols, 100, 100, 58);
    for (let y = 95; y < 105; y++) withArm.fill(1, y * cols + 100, y * cols + 195);
    assert.deepEqual(refineMaskBoundary(network, withArm, rows, cols, 6), withArm);
  });

  it('keeps every classical component (a missed body part is the dangerous error)', () => {
    const classical = disc(rows, cols, 100, 100, 61);
    classical.fill(1, 190 * cols);
    assert.deepEqual(refineMaskBoundary(network, classical, rows, cols, 6), classical, 'a component the network does not see stays');
    assert.deepEqual(refineMaskBoundary(new Uint8Array(rows * cols), classical, rows, cols, 6), classical, 'no detection: the classical mask');
  });

  it('adds network body three bands deep when tissue supports the detection, nothing when it does not', () => {
    // The classical segmenter missed a dark core (say, contrast-free tissue reaching the outline) but
    // sees most of the network's body: the core three bands deep is added.
    const classical = disc(rows, cols, 100, 100, 61);
    for (let y = 90; y < 110; y++) classical.fill(0, y * cols + 30, y * cols + 110);
    assert.ok(tissueSupport(network, classical) >= MIN_TISSUE_SUPPORT);
    const refined = refineMaskBoundary(network, classical, rows, cols, 6);
    const deep = erodeMask(network, rows, cols, { shape: 'disk', radius: 18 });
    for (let i = 0; i < refined.length; i++) assert.equal(refined[i], classical[i] | deep[i]!, `pixel ${i}`);
    assert.ok(countOnes(refined) > countOnes(classical));
    // A head-sized detection on noise, with a small ear inside it: only the ear is body.
    const ear = disc(rows, cols, 100, 100, 8);
    assert.ok(tissueSupport(network, ear) < MIN_TISSUE_SUPPORT);
    assert.deepEqual(refineMaskBoundary(network, ear, rows, cols, 6), ear);
    assert.deepEqual(refineMaskBoundary(network, new Uint8Array(rows * cols), rows, cols, 6), new Uint8Array(rows * cols));
  });
});

describe('postprocessMaskRcnn', () => {
  const phantom = makePhantom({ rows: 512, cols: 512, seed: 3 });
  const classical = segmentByThreshold(phantom.image);
  const radius = 512 * 0.3;
  /** The network's view: the body disc on the canvas, `error` slice pixels too small, soft edge. */
  function networkCanvas(error: number): Float32Array {
    const r = (radius - error) / 2;
    const canvas = new Float32Array(256 * 256);
    for (let y = 0; y < 256; y++) {
      for (let x = 0; x < 256; x++) {
        const d = Math.hypot(y + 0.5 - 128, x + 0.5 - 128) - r;
        canvas[y * 256 + x] = 1 / (1 + Math.exp(d));
      }
    }
    return canvas;
  }
  const pre = { scale: 0.5, resizedRows: 256, resizedCols: 256 };

  it('refines a coarse outline to the classical boundary, with the same safety margin', () => {
    const outputs = craftedOutputs([{ score: 0.99, canvas: networkCanvas(5) }]);
    const refined = postprocessMaskRcnn(outputs, pre, phantom.image, METADATA);
    const coarse = postprocessMaskRcnn(outputs, pre, phantom.image, METADATA, { refine: false });
    const refinedIou = intersectionOverUnion(refined, classical);
    const coarseIou = intersectionOverUnion(coarse, classical);
    assert.ok(refinedIou >= 0.995, `refined IoU ${refinedIou}`);
    assert.ok(coarseIou < 0.97, `coarse IoU ${coarseIou} (the test must show the refinement)`);
    const noMargin = postprocessMaskRcnn(outputs, pre, phantom.image, METADATA, { safetyMarginPixels: 0 });
    assert.ok(countOnes(noMargin) < countOnes(refined));
    assert.ok(intersectionOverUnion(noMargin, segmentByThreshold(phantom.image, { safetyMarginPixels: 0 })) >= 0.995);
  });

  it('fills holes and drops instances below the score threshold', () => {
    const ring = paintCanvas((y, x) => Math.abs(Math.hypot(y - 128, x - 128) - 60) < 8);
    const noise = paintCanvas((y) => y > 240);
    const mask = postprocessMaskRcnn(craftedOutputs([{ score: 0.9, canvas: ring }, { score: 0.3, canvas: noise }]), pre, phantom.image, METADATA, { refine: false, safetyMarginPixels: 0 });
    assert.equal(mask[256 * 512 + 256], 1, 'the ring is filled');
    assert.equal(countOnes(mask.subarray(490 * 512)), 0, 'the low-score instance is ignored');
  });

  it('gives no network body when nothing is detected or nothing is confident; the classical mask then decides', () => {
    const unrefined = { refine: false } as const;
    const nothing = [craftedOutputs([]), craftedOutputs([{ score: 0.2, canvas: networkCanvas(0) }]), craftedOutputs([{ score: 0.9, canvas: paintCanvas(() => true, 0.49) }])];
    for (const outputs of nothing) {
      assert.equal(countOnes(postprocessMaskRcnn(outputs, pre, phantom.image, METADATA, unrefined)), 0);
      assert.deepEqual(postprocessMaskRcnn(outputs, pre, phantom.image, METADATA), classical, 'a body the network missed stays body');
    }
  });

  it('never lets the margin cover padding', () => {
    // Padding (stored 0, declared) everywhere left of column 100, right next to the body's edge.
    const image = makePhantom({ rows: 512, cols: 512, seed: 4, paddingValue: 0 }).image;
    const pixels = image.pixels.slice();
    for (let y = 0; y < 512; y++) pixels.fill(0, y * 512, y * 512 + 100);
    const padded = { ...image, pixels };
    const mask = postprocessMaskRcnn(craftedOutputs([{ score: 0.9, canvas: paintCanvas((_y, x) => x >= 50) }]), pre, padded, METADATA, { refine: false, safetyMarginPixels: 4 });
    for (let y = 0; y < 512; y++) for (let x = 0; x < 100; x++) assert.equal(mask[y * 512 + x], 0);
    assert.equal(mask[10 * 512 + 100], 1);
  });

  it('handles tiny and strip images without a crash', () => {
    for (const [rows, cols] of [[8, 8], [1, 300], [300, 1], [1, 1], [2, 3]] as const) {
      const image: PixelImage = { ...makePhantom().image, rows, cols, pixels: new Int32Array(rows * cols).fill(1024) };
      const pre = preprocessSlice(image);
      const full = postprocessMaskRcnn(craftedOutputs([{ score: 0.9, canvas: paintCanvas(() => true) }]), pre, image, METADATA);
      assert.equal(full.length, rows * cols);
      const classicalMask = segmentByThreshold(image);
      for (let i = 0; i < full.length; i++) assert.ok(full[i]! >= classicalMask[i]!, `${rows}×${cols}: the classical body is kept`);
      // A single pixel is no tissue to the classical segmenter, so it gives the detection no support.
      if (rows * cols > 1) assert.equal(countOnes(full), rows * cols, `${rows}×${cols}: all body`);
      const none = postprocessMaskRcnn(craftedOutputs([]), pre, image, METADATA, { refine: false });
      assert.equal(countOnes(none), 0);
      assert.equal(postprocessMaskRcnn(craftedOutputs([]), pre, image, METADATA).length, rows * cols);
    }
  });
});

/**
 * Test helpers: Mask R-CNN outputs crafted by hand (the contract's four tensors as plain objects),
 * for unit tests of the post-processing without a model.
 */
import type { MaskRcnnMetadata, TensorLike } from '../../../src/segmentation/maskrcnn/index.ts';

export const METADATA: MaskRcnnMetadata = {
  contractVersion: 1,
  preprocessing: 'v1',
  inputName: 'image',
  inputSize: 256,
  outputNames: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' },
  scoreThreshold: 0.5,
  maskThreshold: 0.5,
};

export function tensor(type: string, data: unknown, dims: readonly number[]): TensorLike {
  return { type, data, dims };
}

/** Outputs with one instance per (score, canvas) pair; canvases are 256×256 probabilities. */
export function craftedOutputs(instances: ReadonlyArray<{ score: number; canvas: Float32Array }>): Record<string, TensorLike> {
  const n = instances.length;
  const plane = 256 * 256;
  const masks = new Float32Array(n * plane);
  instances.forEach(({ canvas }, k) => masks.set(canvas, k * plane));
  return {
    boxes: tensor('float32', new Float32Array(n * 4), [n, 4]),
    labels: tensor('int64', new BigInt64Array(n).fill(1n), [n]),
    scores: tensor('float32', Float32Array.from(instances.map((i) => i.score)), [n]),
    masks: tensor('float32', masks, [n, 1, 256, 256]),
  };
}

/** A 256×256 canvas with probability `inside` where `predicate(y, x)` holds, `outside` elsewhere. */
export function paintCanvas(predicate: (y: number, x: number) => boolean, inside = 1, outside = 0): Float32Array {
  const canvas = new Float32Array(256 * 256);
  for (let y = 0; y < 256; y++) for (let x = 0; x < 256; x++) canvas[y * 256 + x] = predicate(y, x) ? inside : outside;
  return canvas;
}

export function countOnes(mask: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < mask.length; i++) s += mask[i] ? 1 : 0;
  return s;
}

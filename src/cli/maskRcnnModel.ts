/**
 * The Mask R-CNN in the CLI: models/body-maskrcnn.onnx (path resolved from the package root, or
 * --model) run by onnxruntime-node. The metadata beside it (same name, .json) is read and checked
 * when the segmenter is created, so a missing or mismatched model fails before the first file; the
 * ONNX session itself is created on the first slice (no native runtime loaded for a run that never
 * segments), once per model path and process.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InferenceSession } from 'onnxruntime-node';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import type { Segmenter } from '../segmentation/Segmenter.ts';
import { createMaskRcnnSegmenter, loadMaskRcnnMetadata, type InferenceSessionLike, type TensorLike } from '../segmentation/index.ts';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_MODEL_PATH = path.join(PACKAGE_ROOT, 'models', 'body-maskrcnn.onnx');

/** The metadata file of a model: same path, .json instead of .onnx. */
export function metadataPathFor(modelPath: string): string {
  return modelPath.replace(/\.onnx$/i, '') + '.json';
}

const sessions = new Map<string, Promise<InferenceSession>>();

/** One onnxruntime-node session per model file and process, created on first use. */
export function loadOnnxNodeSession(modelPath: string): Promise<InferenceSession> {
  let session = sessions.get(modelPath);
  if (!session) {
    session = import('onnxruntime-node')
      .then((ort) => ort.InferenceSession.create(modelPath, { graphOptimizationLevel: 'all', logSeverityLevel: 3 }))
      .catch((error: unknown) => {
        sessions.delete(modelPath);
        throw wrapThrown(error, 'MODEL_INVALID', `cannot load ${modelPath}`);
      });
    sessions.set(modelPath, session);
  }
  return session;
}

/**
 * Input tensors are built before onnxruntime-node is loaded (importing it costs ~0.2 s, which a
 * `--segmenter threshold` run should not pay), so the runner gets this plain constructor and the
 * session converts its feeds to onnxruntime tensors.
 */
class PlainFloat32Tensor implements TensorLike {
  readonly type = 'float32';
  constructor(
    _type: 'float32',
    readonly data: Float32Array,
    readonly dims: readonly number[],
  ) {}
}

/** A session that loads itself on the first run (so creating the segmenter stays synchronous and cheap). */
function lazySession(modelPath: string): InferenceSessionLike {
  return {
    async run(feeds: Record<string, TensorLike>) {
      const [ort, session] = await Promise.all([import('onnxruntime-node'), loadOnnxNodeSession(modelPath)]);
      const converted: Record<string, InstanceType<typeof ort.Tensor>> = {};
      for (const [name, tensor] of Object.entries(feeds)) converted[name] = new ort.Tensor('float32', tensor.data as Float32Array, tensor.dims);
      return session.run(converted);
    },
  };
}

/**
 * The 'maskrcnn' segmenter of the CLI. Throws MODEL_NOT_FOUND when the model or its metadata is
 * missing, MODEL_INVALID when the metadata does not match the contract.
 */
export function createOnnxNodeMaskRcnnSegmenter(modelPath: string = DEFAULT_MODEL_PATH): Segmenter {
  const resolved = path.resolve(modelPath);
  const metadataPath = metadataPathFor(resolved);
  for (const file of [resolved, metadataPath]) {
    if (!existsSync(file)) {
      throw new MedstegoError('MODEL_NOT_FOUND', `Mask R-CNN model file not found: ${file}. Pass --model <file.onnx> (with its .json beside it) or --segmenter threshold.`, { path: file });
    }
  }
  const metadata = loadMaskRcnnMetadata(readFileSync(metadataPath, 'utf8'));
  return createMaskRcnnSegmenter({ runtime: { Tensor: PlainFloat32Tensor }, session: lazySession(resolved), metadata });
}

/**
 * The Mask R-CNN behind the Segmenter interface (name 'maskrcnn'). The ONNX runtime is a parameter:
 * the CLI passes an onnxruntime-node session, the viewer an onnxruntime-web one (WebGPU or WASM), the
 * tests onnxruntime-web WASM in Node; pre-processing (preprocessSlice) and post-processing
 * (postprocessMaskRcnn) are this same code everywhere, so the runtimes can only differ by the
 * network's floating-point arithmetic. See README.md in this folder for creating a session.
 */
import type { PixelImage } from '../../image/PixelImage.ts';
import { MedstegoError, wrapThrown } from '../../errors/index.ts';
import type { BodyMask, Segmenter } from '../Segmenter.ts';
import type { InferenceSessionLike, OnnxRuntimeLike, TensorLike } from './InferenceSessionLike.ts';
import type { MaskRcnnMetadata } from './loadMaskRcnnMetadata.ts';
import { classicalMaskForRefinement, postprocessMaskRcnn, type MaskRcnnPostprocessOptions } from './postprocessMaskRcnn.ts';
import { preprocessSlice } from './preprocessSlice.ts';

export interface MaskRcnnSegmenterOptions extends MaskRcnnPostprocessOptions {
  /** The onnxruntime module (or anything with its Tensor constructor). */
  readonly runtime: OnnxRuntimeLike;
  /** A session of models/body-maskrcnn.onnx. */
  readonly session: InferenceSessionLike;
  /** The model's metadata, checked by loadMaskRcnnMetadata. */
  readonly metadata: MaskRcnnMetadata;
}

export function createMaskRcnnSegmenter(options: MaskRcnnSegmenterOptions): Segmenter {
  const { runtime, session, metadata } = options;
  const size = metadata.inputSize;
  const margin = options.safetyMarginPixels ?? 2;
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`safetyMarginPixels must be an integer >= 0, got ${margin}`);
  return {
    name: 'maskrcnn',
    async segment(image: PixelImage): Promise<BodyMask> {
      const { rows, cols } = image;
      if (image.pixels.length !== rows * cols) throw new MedstegoError('SEGMENTATION_FAILED', `pixel count ${image.pixels.length} does not match ${rows}x${cols}`);
      if (rows === 0 || cols === 0) return new Uint8Array(0);
      let outputs: Record<string, TensorLike> | undefined;
      try {
        const preprocessed = preprocessSlice(image);
        const input = new runtime.Tensor('float32', preprocessed.input, [1, 1, size, size]);
        const running = session.run({ [metadata.inputName]: input });
        // onnxruntime-node runs the network off the JavaScript thread: the classical mask, which the
        // refinement needs and which does not depend on the network, is computed meanwhile.
        let classical: BodyMask | undefined;
        try {
          classical = classicalMaskForRefinement(image, options);
        } catch (error) {
          running.catch(() => undefined);
          throw error;
        }
        outputs = await running;
        return postprocessMaskRcnn(outputs, preprocessed, image, metadata, options, classical);
      } catch (error) {
        if (error instanceof MedstegoError) throw error;
        throw wrapThrown(error, 'SEGMENTATION_FAILED', 'maskrcnn segmenter');
      } finally {
        if (outputs) for (const tensor of Object.values(outputs)) tensor?.dispose?.();
      }
    },
  };
}

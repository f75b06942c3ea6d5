import type { Segmenter } from '../segmentation/Segmenter.ts';
import { createThresholdSegmenter } from '../segmentation/index.ts';
import { MedstegoError } from '../errors/index.ts';
import { createOnnxNodeMaskRcnnSegmenter } from './maskRcnnModel.ts';

/**
 * Segmenters selectable with --segmenter: the Mask R-CNN (default; models/body-maskrcnn.onnx run by
 * onnxruntime-node, refined at the boundary by the classical segmenter) and the classical threshold
 * segmenter (no model, ~10 ms per slice).
 */
export const SEGMENTER_NAMES = ['maskrcnn', 'threshold'] as const;
export const DEFAULT_SEGMENTER = 'maskrcnn';

/** `modelPath` (--model) applies to 'maskrcnn' only; default models/body-maskrcnn.onnx in the package. */
export function createSegmenterByName(name: string, modelPath?: string): Segmenter {
  switch (name) {
    case 'maskrcnn':
      return createOnnxNodeMaskRcnnSegmenter(modelPath);
    case 'threshold':
      if (modelPath !== undefined) throw new MedstegoError('USAGE', '--model applies to --segmenter maskrcnn only.');
      return createThresholdSegmenter();
    default:
      throw new MedstegoError('USAGE', `Unknown segmenter "${name}"; choose one of: ${SEGMENTER_NAMES.join(', ')}.`);
  }
}

/**
 * The classical segmenter behind the Segmenter interface (name 'threshold'): threshold, morphology,
 * connected components and hole filling, see segmentByThreshold for the pipeline and its options.
 * No model, no I/O: fast (about 10 ms per 512×512 slice) and deterministic, the baseline the Mask
 * R-CNN must beat and a boundary refiner for its coarse masks.
 */
import type { PixelImage } from '../image/PixelImage.ts';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import type { BodyMask, Segmenter } from './Segmenter.ts';
import { segmentByThreshold, type ThresholdSegmenterOptions } from './segmentByThreshold.ts';

export function createThresholdSegmenter(options: ThresholdSegmenterOptions = {}): Segmenter {
  return {
    name: 'threshold',
    async segment(image: PixelImage): Promise<BodyMask> {
      try {
        return segmentByThreshold(image, options);
      } catch (error) {
        if (error instanceof MedstegoError) throw error;
        throw wrapThrown(error, 'SEGMENTATION_FAILED', 'threshold segmenter');
      }
    },
  };
}

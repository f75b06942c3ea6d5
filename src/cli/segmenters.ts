import type { Segmenter } from '../segmentation/Segmenter.ts';
import { createThresholdSegmenter } from '../segmentation/index.ts';
import { MedstegoError } from '../errors/index.ts';

/** Segmenters selectable with --segmenter. The Mask R-CNN joins this table when its model ships. */
export const SEGMENTER_NAMES = ['threshold'] as const;
export const DEFAULT_SEGMENTER = 'threshold';

export function createSegmenterByName(name: string): Segmenter {
  switch (name) {
    case 'threshold':
      return createThresholdSegmenter();
    default:
      throw new MedstegoError('USAGE', `Unknown segmenter "${name}"; choose one of: ${SEGMENTER_NAMES.join(', ')}.`);
  }
}

export type { BodyMask, Segmenter } from './Segmenter.ts';
export { createThresholdSegmenter } from './ThresholdSegmenter.ts';

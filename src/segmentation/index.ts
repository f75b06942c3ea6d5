export type { BodyMask, Segmenter } from './Segmenter.ts';
export { createThresholdSegmenter } from './ThresholdSegmenter.ts';
export { segmentByThreshold, type ThresholdSegmenterOptions } from './segmentByThreshold.ts';
export { dilateMask, erodeMask, openMask, closeMask, type StructuringElement, type StructuringShape } from './morphology.ts';
export { connectedComponents, type ComponentLabels, type Connectivity } from './connectedComponents.ts';
export { fillHoles, type FillHolesOptions } from './fillHoles.ts';
export { reconstructMask } from './reconstructMask.ts';
export { otsuThreshold, type OtsuOptions } from './otsuThreshold.ts';
export {
  createMaskRcnnSegmenter,
  loadMaskRcnnMetadata,
  preprocessSlice,
  postprocessMaskRcnn,
  type InferenceSessionLike,
  type OnnxRuntimeLike,
  type TensorLike,
  type MaskRcnnMetadata,
  type MaskRcnnSegmenterOptions,
  type MaskRcnnRefineOptions,
} from './maskrcnn/index.ts';

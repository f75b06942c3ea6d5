export { preprocessSlice, MASKRCNN_INPUT_SIZE, PREPROCESSING_ID, type PreprocessedSlice } from './preprocessSlice.ts';
export type { InferenceSessionLike, OnnxRuntimeLike, TensorLike } from './InferenceSessionLike.ts';
export { loadMaskRcnnMetadata, MASKRCNN_CONTRACT_VERSION, type MaskRcnnMetadata, type MaskRcnnOutputNames } from './loadMaskRcnnMetadata.ts';
export { createMaskRcnnSegmenter, type MaskRcnnSegmenterOptions } from './MaskRcnnSegmenter.ts';
export { postprocessMaskRcnn, classicalMaskForRefinement, defaultBandPixels, type MaskRcnnPostprocessOptions, type MaskRcnnRefineOptions } from './postprocessMaskRcnn.ts';
export { unionConfidentInstances } from './unionConfidentInstances.ts';
export { pasteCanvasMask, type CanvasPlacement } from './pasteCanvasMask.ts';
export { refineMaskBoundary, tissueSupport, MIN_TISSUE_SUPPORT } from './refineMaskBoundary.ts';

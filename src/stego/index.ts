export { listUsableBlocks } from './usableBlocks.ts';
export { embedPaper, extractPaper, paperCapacityBits, type PaperEmbedInput, type PaperEmbedResult, type PaperExtractResult } from './paper/paperProfile.ts';
export { DEFAULT_PAPER_PARAMETERS, maximumBeta, createPaperQuantizer, type PaperParameters } from './paper/paperQuantizer.ts';
export { QR_SIZES, qrBlockCount } from './paper/qrBlockLayout.ts';

export { listUsableBlocks } from './usableBlocks.ts';
export { embedPaper, extractPaper, paperCapacityBits, readPaperBlockBits, type PaperEmbedInput, type PaperEmbedResult, type PaperExtractResult } from './paper/paperProfile.ts';
export { DEFAULT_PAPER_PARAMETERS, maximumBeta, createPaperQuantizer, type PaperParameters } from './paper/paperQuantizer.ts';
export { QR_SIZES, qrBlockCount, blockBitsToQrModules } from './paper/qrBlockLayout.ts';
export { KEYED_PROFILES, type KeyedProfileName } from './keyed/keyedProfiles.ts';
export type { KeyedProfile, KeyedProfileKeys, KeyedProbe, KeyedEmbedInput, KeyedEmbedResult, KeyedExtractInput, KeyedExtractResult } from './keyed/KeyedProfile.ts';
export { fidelityProfile } from './fidelity/fidelityProfile.ts';

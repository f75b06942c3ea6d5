export { embedDicom, backgroundFraction, createSeriesUidMapper, PROFILE_NAMES, type ProfileName, type EmbedDicomOptions, type EmbedReport, type SliceCapacity, type EmbedDicomResult } from './embedDicom.ts';
export { extractDicom, type ExtractDicomOptions, type ExtractDicomResult } from './extractDicom.ts';

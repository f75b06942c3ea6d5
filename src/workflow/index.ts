export { embedDicom, backgroundFraction, createSeriesUidMapper, PROFILE_NAMES, DEFAULT_PROFILE, type ProfileName, type EmbedDicomOptions, type EmbedReport, type SliceCapacity, type EmbedDicomResult } from './embedDicom.ts';
export { extractDicom, probeKeyedProfiles, type ExtractDicomOptions, type ExtractDicomResult, type ExtractIntegrity } from './extractDicom.ts';
export { keyedProfileFor } from './keyedContainer.ts';

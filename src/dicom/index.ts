export type { DicomSlice, WriteStegoOptions } from './DicomSlice.ts';
export { readDicom, type ReadDicomOptions } from './readDicom.ts';
export { writeStegoDicom } from './writeStegoDicom.ts';
export { generateUid } from './generateUid.ts';
export type { CodecLoaderOptions } from './codecs/loadCodecs.ts';
export { planDeidentification, type DeidentificationPlan } from './planDeidentification.ts';
export { deidentifiedUid, importUidKey, UID_KEY_LENGTH } from './deidentifiedUid.ts';

/**
 * Everything de-identification needs that WebCrypto must compute (asynchronously) before the
 * synchronous stego writer runs: the keyed replacement of every instance UID of the source and the
 * patient pseudonym. The workflow makes the plan first, so it knows the de-identified Series (and,
 * if it wants, SOP) Instance UID before embedding a payload bound to them, then passes the plan to
 * writeStegoDicom({ deidentification }).
 */
import { MedstegoError } from '../errors/index.ts';
import { MEDSTEGO_VERSION } from '../version.ts';
import type { DicomSlice } from './DicomSlice.ts';
import { collectReplaceableUids } from './deidentifyDataset.ts';
import { deidentifiedUid, hmacSha256, importUidKey } from './deidentifiedUid.ts';
import { readDcmjsDict } from './readDcmjsDict.ts';

export interface DeidentificationPlan {
  /** Original instance UID → keyed replacement, for every instance UID in the source file. */
  readonly uidMap: ReadonlyMap<string, string>;
  /** Keyed replacements of the source's Study, Series and SOP Instance UIDs. */
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  /** Replaces Patient's Name and Patient ID: the same for every file of one patient under one key. */
  readonly patientPseudonym: string;
  /** De-identification Method (0012,0063), LO (≤ 64 characters). */
  readonly method: string;
}

function firstText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && typeof (value as { Alphabetic?: unknown }).Alphabetic === 'string') {
    return ((value as { Alphabetic: string }).Alphabetic).trim();
  }
  return '';
}

export async function planDeidentification(slice: Pick<DicomSlice, 'sourceBytes' | 'sopInstanceUid' | 'seriesInstanceUid' | 'studyInstanceUid'>, uidKey: Uint8Array): Promise<DeidentificationPlan> {
  const key = await importUidKey(uidKey);
  if (!slice.sopInstanceUid || !slice.seriesInstanceUid || !slice.studyInstanceUid) {
    throw new MedstegoError('DEIDENTIFY_FAILED', 'The source lacks a Study, Series or SOP Instance UID, so its UIDs cannot be mapped consistently.');
  }
  const dicomDict = readDcmjsDict(slice.sourceBytes);
  const originals = collectReplaceableUids(dicomDict);
  for (const uid of [slice.sopInstanceUid, slice.seriesInstanceUid, slice.studyInstanceUid]) originals.add(uid);
  const entries = await Promise.all([...originals].map(async (uid) => [uid, await deidentifiedUid(key, uid)] as const));
  const uidMap = new Map(entries);

  // One pseudonym per patient: from Patient ID, else the name, else the study (a patient-less file).
  const patientKey =
    firstText(dicomDict.dict['00100020']?.Value?.[0]) || firstText(dicomDict.dict['00100010']?.Value?.[0]) || slice.studyInstanceUid;
  const mac = await hmacSha256(key, `PatientID\u0000${patientKey}`);
  const patientPseudonym = `MS-${[...mac.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase()}`;

  return {
    uidMap,
    studyInstanceUid: uidMap.get(slice.studyInstanceUid)!,
    seriesInstanceUid: uidMap.get(slice.seriesInstanceUid)!,
    sopInstanceUid: uidMap.get(slice.sopInstanceUid)!,
    patientPseudonym,
    method: `medstego ${MEDSTEGO_VERSION}: PS3.15 E Basic Profile, keyed UIDs`,
  };
}

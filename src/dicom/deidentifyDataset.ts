/**
 * Apply the Basic Application Level Confidentiality Profile (PS3.15 Annex E, see
 * basicProfileActions.ts) to the dcmjs data set the stego writer is about to serialise. Synchronous:
 * the keyed UID replacements were computed beforehand (planDeidentification), because WebCrypto is
 * asynchronous and the writer is not.
 */
import { MedstegoError } from '../errors/index.ts';
import type { DcmjsDicomDict, DcmjsDict } from './dcmjsModule.ts';
import { BASIC_PROFILE_ACTIONS, KEPT_UID_TAGS, REMOVED_META_TAGS } from './basicProfileActions.ts';
import type { DeidentificationPlan } from './planDeidentification.ts';

const DICOM_ROOT = '1.2.840.10008.';
const TAG = {
  patientName: '00100010',
  patientId: '00100020',
  patientIdentityRemoved: '00120062',
  deidentificationMethod: '00120063',
  deidentificationMethodCodeSequence: '00120064',
  codeValue: '00080100',
  codingSchemeDesignator: '00080102',
  codeMeaning: '00080104',
} as const;

function isPrivate(tag: string): boolean {
  return (parseInt(tag.slice(0, 4), 16) & 1) === 1;
}

/** Curve (50xx) and overlay (60xx) repeating groups. */
function isCurveOrOverlay(tag: string): boolean {
  return tag.startsWith('50') || tag.startsWith('60');
}

/** Elements the profile drops whatever their content. */
function isRemovedOutright(tag: string, vr: string): boolean {
  return isPrivate(tag) || isCurveOrOverlay(tag) || vr === 'UN' || BASIC_PROFILE_ACTIONS[tag] === 'X';
}

function isReplaceableUid(tag: string, value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !KEPT_UID_TAGS.has(tag) && !value.startsWith(DICOM_ROOT);
}

function nestedItems(values: unknown[]): DcmjsDict[] {
  return values.filter((item): item is DcmjsDict => item !== null && typeof item === 'object');
}

/** Every instance UID the profile will replace, in meta and data set, sequences included. */
export function collectReplaceableUids(dicomDict: DcmjsDicomDict): Set<string> {
  const found = new Set<string>();
  const visit = (dict: DcmjsDict): void => {
    for (const [tag, element] of Object.entries(dict)) {
      if (isRemovedOutright(tag, element.vr)) continue;
      if (element.vr === 'UI') for (const value of element.Value ?? []) if (isReplaceableUid(tag, value)) found.add(value);
      if (element.vr === 'SQ') nestedItems(element.Value ?? []).forEach(visit);
    }
  };
  visit(dicomDict.meta);
  visit(dicomDict.dict);
  return found;
}

function deidentifyItem(dict: DcmjsDict, plan: DeidentificationPlan): void {
  for (const tag of Object.keys(dict)) {
    const element = dict[tag]!;
    if (isRemovedOutright(tag, element.vr)) {
      delete dict[tag];
    } else if (BASIC_PROFILE_ACTIONS[tag] === 'Z' || element.vr === 'PN') {
      // Fresh objects drop dcmjs's _rawValue, which it would otherwise write instead of Value.
      dict[tag] = { vr: element.vr, Value: [] };
    } else if (element.vr === 'UI') {
      const values = (element.Value ?? []).map((value) => {
        if (!isReplaceableUid(tag, value)) return value;
        const replacement = plan.uidMap.get(value);
        if (replacement === undefined) {
          throw new MedstegoError('DEIDENTIFY_FAILED', 'A UID of the data set has no keyed replacement: the de-identification plan was made for another file.', { tag });
        }
        return replacement;
      });
      dict[tag] = { vr: 'UI', Value: values };
    } else if (element.vr === 'SQ') {
      nestedItems(element.Value ?? []).forEach((item) => deidentifyItem(item, plan));
    }
  }
}

/** De-identify meta and data set in place, then record what was done (PS3.3 C.7.1.1 De-identification). */
export function deidentifyDataset(dicomDict: DcmjsDicomDict, plan: DeidentificationPlan): void {
  for (const tag of REMOVED_META_TAGS) delete dicomDict.meta[tag];
  deidentifyItem(dicomDict.meta, plan);
  const { dict } = dicomDict;
  deidentifyItem(dict, plan);
  dict[TAG.patientName] = { vr: 'PN', Value: [{ Alphabetic: plan.patientPseudonym }] };
  dict[TAG.patientId] = { vr: 'LO', Value: [plan.patientPseudonym] };
  dict[TAG.patientIdentityRemoved] = { vr: 'CS', Value: ['YES'] };
  dict[TAG.deidentificationMethod] = { vr: 'LO', Value: [plan.method] };
  dict[TAG.deidentificationMethodCodeSequence] = {
    vr: 'SQ',
    Value: [
      {
        [TAG.codeValue]: { vr: 'SH', Value: ['113100'] },
        [TAG.codingSchemeDesignator]: { vr: 'SH', Value: ['DCM'] },
        [TAG.codeMeaning]: { vr: 'LO', Value: ['Basic Application Confidentiality Profile'] },
      },
    ],
  };
}

/**
 * Original instance UIDs still present anywhere in the written bytes (a last check before a
 * de-identified file leaves the writer). Latin-1 decoding maps every ASCII byte to itself, so a
 * UID is found exactly where its bytes are. UIDs shorter than 16 characters are skipped: such toy
 * values can occur by chance inside kept values or pixel data.
 */
export function findLeakedUids(bytes: Uint8Array, plan: DeidentificationPlan): string[] {
  const text = new TextDecoder('latin1').decode(bytes);
  return [...plan.uidMap.keys()].filter((uid) => uid.length >= 16 && text.includes(uid));
}

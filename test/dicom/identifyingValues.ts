/**
 * Test support for de-identification: what must disappear from a de-identified file (the header's
 * identifying values and every instance UID) and a byte search for them in the forms a value could
 * take in a file.
 */
import { dcmjs, withDcmjsSilenced, type DcmjsDict } from '../../src/dicom/dcmjsModule.ts';
import type { DicomSlice } from '../../src/dicom/index.ts';

/** Header attributes that identify the patient, the visit or the staff. */
export const IDENTIFYING_KEYWORDS = [
  'PatientName', 'PatientID', 'PatientBirthDate', 'OtherPatientIDs', 'AccessionNumber', 'StudyDate', 'StudyID',
  'InstitutionName', 'InstitutionAddress', 'InstitutionalDepartmentName', 'StationName', 'DeviceSerialNumber',
  'ReferringPhysicianName', 'PhysiciansOfRecord', 'PerformingPhysicianName', 'OperatorsName', 'RequestingPhysician',
];

/**
 * Values shorter than this are checked per attribute only, not searched in the bytes: a 3-letter
 * patient name such as "HFS" is also a Patient Position code, and short strings occur by chance.
 */
export const MIN_SEARCHED_LENGTH = 4;

/** UI attributes that name a kind (class, syntax, implementation), not an instance. */
const CLASS_UID_TAGS = new Set(['00020002', '00020010', '00020012', '00080016', '00081150']);

export function identifyingValues(slice: DicomSlice): Array<readonly [string, string]> {
  return IDENTIFYING_KEYWORDS.map((keyword) => [keyword, slice.getString(keyword)?.trim() ?? ''] as const).filter(([, value]) => value !== '');
}

export function readDcmjs(bytes: Uint8Array): { meta: DcmjsDict; dict: DcmjsDict } {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withDcmjsSilenced(() => dcmjs.data.DicomMessage.readFile(buffer));
}

/** Every instance UID of a file, in meta, data set, sequences and private attributes alike. */
export function instanceUids(bytes: Uint8Array): Set<string> {
  const found = new Set<string>();
  const visit = (dict: DcmjsDict): void => {
    for (const [tag, element] of Object.entries(dict)) {
      if (element.vr === 'UI' && !CLASS_UID_TAGS.has(tag)) {
        for (const value of element.Value ?? []) if (typeof value === 'string' && value && !value.startsWith('1.2.840.10008.')) found.add(value);
      }
      if (element.vr === 'SQ') for (const item of element.Value ?? []) if (item && typeof item === 'object') visit(item as DcmjsDict);
    }
  };
  const { meta, dict } = readDcmjs(bytes);
  visit(meta);
  visit(dict);
  return found;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The byte forms a header value could take: UTF-8/ASCII, UTF-16 LE and BE, a person name's components. */
function byteForms(value: string): Uint8Array[] {
  const variants = new Set([value, value.replace(/\^+/g, ' ').trim(), ...value.split('^').filter((part) => part.length >= MIN_SEARCHED_LENGTH)]);
  return [...variants].flatMap((text) => {
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
      be[2 * i] = text.charCodeAt(i) >> 8;
      be[2 * i + 1] = text.charCodeAt(i) & 0xff;
    }
    return [new TextEncoder().encode(text), le, be];
  });
}

/** True when the value occurs in the bytes in any of its forms. */
export function bytesContainValue(bytes: Uint8Array, value: string): boolean {
  return byteForms(value).some((form) => contains(bytes, form));
}

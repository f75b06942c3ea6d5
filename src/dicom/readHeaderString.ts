/**
 * Header strings by DICOM keyword, decoded with the data set's Specific Character Set
 * (PS3.5 section 6.1) so names with accents or non-Latin scripts reach the payload intact.
 */
import type { DataSet } from 'dicom-parser';
import { dcmjs } from './dcmjsModule.ts';

/** Defined Terms of Specific Character Set (PS3.3 C.12.1.1.2) -> WHATWG encoding labels. */
const CHARACTER_SETS: Record<string, string> = {
  '': 'windows-1252',
  ISO_IR_6: 'windows-1252',
  ISO_IR_100: 'windows-1252',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'windows-1254',
  ISO_IR_13: 'shift_jis',
  ISO_IR_166: 'windows-874',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
  ISO_2022_IR_6: 'windows-1252',
  ISO_2022_IR_100: 'windows-1252',
  ISO_2022_IR_101: 'iso-8859-2',
  ISO_2022_IR_144: 'iso-8859-5',
  ISO_2022_IR_126: 'iso-8859-7',
  ISO_2022_IR_138: 'iso-8859-8',
  ISO_2022_IR_148: 'windows-1254',
  ISO_2022_IR_13: 'shift_jis',
  ISO_2022_IR_87: 'iso-2022-jp',
  ISO_2022_IR_159: 'iso-2022-jp',
  ISO_2022_IR_149: 'euc-kr',
  ISO_2022_IR_58: 'gb18030',
};

/** VRs whose values are text and may use the Specific Character Set. */
const TEXT_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);

/** Keyword (or 'GGGGEEEE' / 'xGGGGEEEE') -> dicom-parser tag and dictionary VR, undefined when unknown. */
function lookupKeyword(keyword: string): { tag: string; vr?: string } | undefined {
  if (/^x?[0-9a-fA-F]{8}$/.test(keyword)) return { tag: `x${keyword.replace(/^x/, '').toLowerCase()}` };
  const nameMap = dcmjs.data.DicomMetaDictionary.nameMap;
  const entry = Object.hasOwn(nameMap, keyword) ? nameMap[keyword] : undefined;
  if (!entry) return undefined;
  const match = /^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$/.exec(entry.tag);
  return match ? { tag: `x${match[1]!.toLowerCase()}${match[2]!.toLowerCase()}`, vr: entry.vr } : undefined;
}

function pickDecoder(dataSet: DataSet): TextDecoder {
  const terms = (dataSet.string('x00080005') ?? '').split('\\').map((term) => term.trim().replace(/[ -]/g, '_').toUpperCase());
  // With ISO 2022 code extensions the first value is the default repertoire; the later ones are
  // switched to by escape sequences, which the iso-2022-jp decoder handles for Japanese.
  const wanted = terms.find((term) => term === 'ISO_2022_IR_87' || term === 'ISO_2022_IR_159') ?? terms.at(-1) ?? '';
  const label = CHARACTER_SETS[wanted] ?? CHARACTER_SETS[terms[0] ?? ''] ?? 'windows-1252';
  try {
    return new TextDecoder(label);
  } catch {
    // A runtime without full ICU lacks some legacy encodings; Latin-1 keeps ASCII intact.
    return new TextDecoder('windows-1252');
  }
}

/**
 * A function that reads header strings of one data set: trimmed, undefined when absent or empty.
 * Only top-level attributes with text VRs (or unknown VR in implicit syntaxes) are returned.
 */
export function readHeaderString(dataSet: DataSet): (keyword: string) => string | undefined {
  let decoder: TextDecoder | undefined;
  return (keyword: string) => {
    const found = lookupKeyword(keyword);
    if (found === undefined) return undefined;
    const element = dataSet.elements[found.tag];
    if (!element || element.length === 0 || element.items) return undefined;
    // Implicit VR syntaxes carry no VR in the file: fall back to the dictionary's.
    const vr = element.vr ?? found.vr;
    if (vr !== undefined && !TEXT_VRS.has(vr)) return undefined;
    const bytes = (dataSet.byteArray as Uint8Array).subarray(element.dataOffset, element.dataOffset + element.length);
    decoder ??= pickDecoder(dataSet);
    // Values are padded with a trailing space (or NUL for UI); leading spaces are insignificant
    // for every VR a payload uses.
    const text = decoder.decode(bytes).replace(/[\0\s]+$/, '').replace(/^\s+/, '');
    return text === '' ? undefined : text;
  };
}

/**
 * Parse a DICOM Part 10 file (PS3.10 section 7.1) with dicom-parser, turning everything it can
 * throw (strings, plain objects, Errors) into MedstegoErrors with a precise code.
 */
import type { DataSet } from 'dicom-parser';
import { Inflate } from 'pako';
import { MedstegoError } from '../errors/index.ts';
import { dicomParserModule } from './dicomParserModule.ts';

const PREAMBLE_LENGTH = 128;
const UNDEFINED_LENGTH = 0xffffffff;

/**
 * dicom-parser hands the inflater the whole file and the offset where the deflated data set
 * starts; it expects the meta header followed by the inflated bytes back. pako is used in every
 * environment so Node and browsers take the same path (dicom-parser would use Node's zlib).
 */
function inflateDataSet(byteArray: Uint8Array, position: number): Uint8Array {
  // The streaming API tells a cut-off stream (not ended) from a damaged one (err); pako's one-shot
  // inflateRaw returns undefined for the first.
  // `ended` is set by pako 2 at Z_STREAM_END but missing from @types/pako.
  const inflator = new Inflate({ raw: true }) as Inflate & { ended?: boolean };
  inflator.push(byteArray.subarray(position), true);
  if (inflator.err) {
    throw new MedstegoError('DICOM_CORRUPT', `The deflated data set cannot be inflated (${inflator.msg})`);
  }
  if (!inflator.ended || !(inflator.result instanceof Uint8Array)) {
    throw new MedstegoError('DICOM_TRUNCATED', 'The deflated data set ends before its end-of-stream marker', { byteLength: byteArray.length });
  }
  const inflated = inflator.result;
  const full = new Uint8Array(position + inflated.length);
  full.set(byteArray.subarray(0, position), 0);
  full.set(inflated, position);
  return full;
}

function hasPart10Prefix(bytes: Uint8Array): boolean {
  return (
    bytes.length >= PREAMBLE_LENGTH + 4 &&
    bytes[PREAMBLE_LENGTH] === 0x44 && // D
    bytes[PREAMBLE_LENGTH + 1] === 0x49 && // I
    bytes[PREAMBLE_LENGTH + 2] === 0x43 && // C
    bytes[PREAMBLE_LENGTH + 3] === 0x4d // M
  );
}

function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  if (thrown && typeof thrown === 'object' && 'exception' in thrown) return messageOf((thrown as { exception: unknown }).exception);
  return String(thrown);
}

/** dicom-parser's words for "the bytes ran out" (it has no error codes, only messages). */
const TRUNCATION_PATTERNS = [/buffer overrun/i, /past end of buffer/i, /attempt to read past/i, /cannot be greater than buffer length/i];

/**
 * Length of the File Meta Information group from (0002,0000) right after the prefix, when present
 * (PS3.10 7.1): a file shorter than that ends inside its meta header.
 */
function declaredMetaEnd(bytes: Uint8Array): number | undefined {
  const at = PREAMBLE_LENGTH + 4;
  if (bytes.length < at + 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 12);
  const isGroupLength = view.getUint16(0, true) === 0x0002 && view.getUint16(2, true) === 0x0000;
  const isUl = bytes[at + 4] === 0x55 && bytes[at + 5] === 0x4c;
  return isGroupLength && isUl ? at + 12 + view.getUint32(8, true) : undefined;
}

const VALID_VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);

/**
 * A read that runs off the end is a truncated file, unless what was read before it already holds
 * an impossible VR: then the bytes are garbage whose made-up lengths ran off the end.
 */
function readGarbage(thrown: unknown): boolean {
  const partial = thrown && typeof thrown === 'object' && 'dataSet' in thrown ? (thrown as { dataSet?: Partial<DataSet> }).dataSet : undefined;
  const elements = partial?.elements ?? {};
  return Object.values(elements).some((element) => element.vr !== undefined && !VALID_VRS.has(element.vr));
}

export function parseDicomBytes(bytes: Uint8Array): DataSet {
  if (!(bytes instanceof Uint8Array)) {
    throw new MedstegoError('DICOM_NOT_DICOM', 'Input is not a byte array');
  }
  if (!hasPart10Prefix(bytes)) {
    throw new MedstegoError('DICOM_NOT_DICOM', 'No DICM prefix at byte 128: not a DICOM Part 10 file', {
      byteLength: bytes.length,
    });
  }
  const metaEnd = declaredMetaEnd(bytes);
  if (bytes.length < PREAMBLE_LENGTH + 4 + 12 || (metaEnd !== undefined && bytes.length < metaEnd)) {
    throw new MedstegoError('DICOM_TRUNCATED', 'The file ends inside its File Meta Information', { byteLength: bytes.length });
  }
  let dataSet: DataSet;
  try {
    dataSet = dicomParserModule.parseDicom(bytes, {
      inflater: inflateDataSet as unknown as (arr: Uint8Array, position: number) => void,
    });
  } catch (thrown) {
    if (thrown instanceof MedstegoError) throw thrown;
    const text = messageOf(thrown);
    if (TRUNCATION_PATTERNS.some((pattern) => pattern.test(text)) && !readGarbage(thrown)) {
      throw new MedstegoError('DICOM_TRUNCATED', `The file ends before its data set is complete (${text})`, {
        byteLength: bytes.length,
      }, { cause: thrown });
    }
    throw new MedstegoError('DICOM_CORRUPT', `The data set cannot be parsed (${text})`, {}, { cause: thrown });
  }
  // The implicit VR parser skips past the end of a cut-off last element without complaint.
  const available = (dataSet.byteArray as Uint8Array).length;
  for (const element of Object.values(dataSet.elements)) {
    // Undefined length left unresolved (a missing delimiter) is judged by the pixel reader.
    if (element.length !== UNDEFINED_LENGTH && element.dataOffset + element.length > available) {
      throw new MedstegoError('DICOM_TRUNCATED', 'The file ends inside an element of its data set', { byteLength: bytes.length });
    }
  }
  return dataSet;
}

/**
 * Parse a DICOM Part 10 file (PS3.10 section 7.1) with dicom-parser, turning everything it can
 * throw (strings, plain objects, Errors) into MedstegoErrors with a precise code.
 */
import type { DataSet } from 'dicom-parser';
import { inflateRaw } from 'pako';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import { dicomParserModule } from './dicomParserModule.ts';

const PREAMBLE_LENGTH = 128;
const DEFLATED_EXPLICIT_LITTLE = '1.2.840.10008.1.2.1.99';

/**
 * dicom-parser hands the inflater the whole file and the offset where the deflated data set
 * starts; it expects the meta header followed by the inflated bytes back. pako is used in every
 * environment so Node and browsers take the same path (dicom-parser would use Node's zlib).
 */
function inflateDataSet(byteArray: Uint8Array, position: number): Uint8Array {
  const inflated = inflateRaw(byteArray.subarray(position));
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
const TRUNCATION_PATTERNS = [/buffer overrun/i, /past end of buffer/i, /attempt to read past/i, /exceeds? (the )?(end|length)/i];

export function parseDicomBytes(bytes: Uint8Array): DataSet {
  if (!(bytes instanceof Uint8Array)) {
    throw new MedstegoError('DICOM_NOT_DICOM', 'Input is not a byte array');
  }
  if (!hasPart10Prefix(bytes)) {
    throw new MedstegoError('DICOM_NOT_DICOM', 'No DICM prefix at byte 128: not a DICOM Part 10 file', {
      byteLength: bytes.length,
    });
  }
  try {
    return dicomParserModule.parseDicom(bytes, {
      inflater: inflateDataSet as unknown as (arr: Uint8Array, position: number) => void,
    });
  } catch (thrown) {
    const text = messageOf(thrown);
    if (TRUNCATION_PATTERNS.some((pattern) => pattern.test(text))) {
      throw new MedstegoError('DICOM_TRUNCATED', `The file ends before its data set is complete (${text})`, {
        byteLength: bytes.length,
      }, { cause: thrown });
    }
    if (/inflat|deflat|incorrect header|invalid (block|distance|code)/i.test(text)) {
      throw wrapThrown(thrown, 'DICOM_CORRUPT', `The deflated data set (${DEFLATED_EXPLICIT_LITTLE}) cannot be inflated`);
    }
    throw new MedstegoError('DICOM_CORRUPT', `The data set cannot be parsed (${text})`, {}, { cause: thrown });
  }
}

import { MedstegoError } from '../errors/index.ts';

/**
 * The identity fields hidden by default: enough to re-link an image to its patient and study
 * (DESIGN §4). Order is the order written into the payload.
 */
export const IDENTITY_KEYWORDS = [
  'PatientName',
  'PatientID',
  'PatientBirthDate',
  'PatientSex',
  'StudyDate',
  'AccessionNumber',
  'StudyInstanceUID',
  'InstitutionName',
] as const;

/** A payload is a flat object of strings (keywords → values). */
export type PayloadFields = Readonly<Record<string, string>>;

/** Collect the non-empty identity fields from a header accessor (e.g. DicomSlice.getString). */
export function collectIdentityFields(getString: (keyword: string) => string | undefined): PayloadFields {
  const fields: Record<string, string> = {};
  for (const keyword of IDENTITY_KEYWORDS) {
    const value = getString(keyword)?.trim();
    if (value) fields[keyword] = value;
  }
  return fields;
}

/** Parse a user's payload JSON: an object whose values are strings (numbers/booleans are stringified). */
export function parsePayloadJson(text: string): PayloadFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MedstegoError('PAYLOAD_INVALID', `Payload is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MedstegoError('PAYLOAD_INVALID', 'Payload JSON must be an object of field names to string values.');
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'string') fields[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
    else throw new MedstegoError('PAYLOAD_INVALID', `Payload field "${key}" must be a string, number or boolean.`, { field: key });
  }
  return fields;
}

/** The text carried in the QR code: compact JSON, keys in insertion order. */
export function serializePayload(fields: PayloadFields): string {
  if (Object.keys(fields).length === 0) {
    throw new MedstegoError('PAYLOAD_EMPTY', 'Nothing to hide: the header has no identity fields and no payload file was given.');
  }
  return JSON.stringify(fields);
}

/** Inverse of serializePayload; a QR that decodes to non-JSON text is returned as { text }. */
export function deserializePayload(text: string): PayloadFields {
  try {
    return parsePayloadJson(text);
  } catch {
    return { text };
  }
}

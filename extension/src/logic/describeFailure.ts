/**
 * One sentence for the panel and the notification when an operation fails. Codes from the core's
 * registry get a message written for a viewer user (what happened, what to try); the core's own
 * message follows for anything else. Never includes patient data: core messages never do.
 */
import { isMedstegoError } from '../../../src/errors/index.ts';

const VIEWER_MESSAGES: Partial<Record<string, string>> = {
  CRYPTO_AUTH_FAILED: 'Wrong key, or the image was altered: the hidden payload could not be authenticated.',
  EXTRACT_NO_PAYLOAD: 'No hidden payload was found in this image (wrong key, wrong profile, or the image is not a stego image).',
  QR_DECODE_FAILED: 'A payload was found but could not be decoded: the image is damaged or is not a stego image.',
  EMBED_VERIFY_FAILED:
    'The stego image would not extract back: the receiver recomputes the mask automatically, and this profile needs that mask to match the one used here. Re-run Segment (undo brush edits outside the body) or use a mask-tolerant profile.',
  PAYLOAD_CAPACITY_EXCEEDED: 'The payload does not fit in the air around the body of this slice: shorten the payload or pick a slice with more background.',
  NO_BACKGROUND: 'This slice has too little background around the body to hide anything.',
  PAYLOAD_INVALID: 'The payload must be a JSON object of field names to text values, e.g. {"PatientName": "…"}.',
  PAYLOAD_EMPTY: 'Nothing to hide: the header has no identity fields; type a payload in the panel.',
  KEY_INVALID: 'This profile needs a key: type a passphrase of at least 8 characters (or 64 hexadecimal characters) in the panel.',
};

export function describeFailure(error: unknown): string {
  if (isMedstegoError(error)) return VIEWER_MESSAGES[error.code] ?? `${error.message} (${error.code})`;
  if (error instanceof Error) return error.message;
  return String(error);
}

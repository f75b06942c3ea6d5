import { inflateRaw } from 'pako';
import { MedstegoError } from '../errors/index.ts';
import { encodeAssociatedData, deriveNonce } from './ContainerContext.ts';
import { bufferSource } from './bufferSource.ts';
import { checkTagLength, PLAINTEXT_DEFLATED, PLAINTEXT_STORED, type SealOptions } from './sealPayload.ts';

/**
 * Inverse of sealPayload. Any failure of authentication (wrong key, a changed bit, a payload copied
 * from another image or stored under another UID) is CRYPTO_AUTH_FAILED, and nothing of the
 * unauthenticated bytes is returned or described.
 */
export async function openPayload(sealed: Uint8Array, options: SealOptions): Promise<Uint8Array> {
  const tagLength = checkTagLength(options.tagLengthBits ?? 128);
  if (sealed.length < tagLength / 8 + 1) throw authenticationFailed();
  const iv = await deriveNonce(options.keys.nonceKey, options.context.sopInstanceUid);
  let framed: Uint8Array;
  try {
    framed = new Uint8Array(
      await globalThis.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bufferSource(iv), tagLength, additionalData: bufferSource(encodeAssociatedData(options.context)) },
        options.keys.encryptionKey,
        bufferSource(sealed),
      ),
    );
  } catch {
    throw authenticationFailed();
  }
  const body = framed.subarray(1);
  if (framed[0] === PLAINTEXT_STORED) return body.slice();
  if (framed[0] === PLAINTEXT_DEFLATED) {
    try {
      return inflateRaw(body);
    } catch {
      throw new MedstegoError('PAYLOAD_INVALID', 'The authenticated payload does not inflate (written by an incompatible version?).');
    }
  }
  throw new MedstegoError('PAYLOAD_INVALID', 'The authenticated payload has an unknown coding byte (written by a newer version?).', { coding: framed[0]! });
}

function authenticationFailed(): MedstegoError {
  return new MedstegoError(
    'CRYPTO_AUTH_FAILED',
    'The hidden payload failed authentication: wrong key, or the image was altered or the payload copied from another image.',
  );
}

import { deflateRaw } from 'pako';
import { MedstegoError } from '../errors/index.ts';
import type { MedstegoKeys } from './deriveKeys.ts';
import { bufferSource } from './bufferSource.ts';
import { encodeAssociatedData, deriveNonce, type ContainerContext } from './ContainerContext.ts';

/**
 * Seal a payload for hiding: compress, then encrypt and authenticate with AES-GCM (WebCrypto, so the
 * same code runs in Node and browsers). The result is ciphertext ‖ tag, nothing else: the nonce is
 * re-derived from the key and the SOP Instance UID, the associated data from the image.
 *
 * The first plaintext byte says how the rest is coded (0 = as is, 1 = raw deflate), whichever is
 * shorter: short JSON barely compresses and deflate would otherwise add bytes.
 */
export const TAG_LENGTHS_BITS = [32, 64, 96, 104, 112, 120, 128] as const;
export type TagLengthBits = (typeof TAG_LENGTHS_BITS)[number];

export const PLAINTEXT_STORED = 0;
export const PLAINTEXT_DEFLATED = 1;

export interface SealOptions {
  readonly keys: MedstegoKeys;
  readonly context: ContainerContext;
  /** Authentication tag length; 128 unless a profile's capacity forces a shorter one. */
  readonly tagLengthBits?: TagLengthBits;
}

export function checkTagLength(tagLengthBits: number): TagLengthBits {
  if (!(TAG_LENGTHS_BITS as readonly number[]).includes(tagLengthBits)) {
    throw new MedstegoError('INTERNAL', `AES-GCM tag length must be one of ${TAG_LENGTHS_BITS.join(', ')} bits.`, { tagLengthBits });
  }
  return tagLengthBits as TagLengthBits;
}

export async function sealPayload(plaintext: Uint8Array, options: SealOptions): Promise<Uint8Array> {
  const tagLength = checkTagLength(options.tagLengthBits ?? 128);
  const deflated = deflateRaw(plaintext, { level: 9 });
  const coded = deflated.length < plaintext.length ? deflated : plaintext;
  const framed = new Uint8Array(coded.length + 1);
  framed[0] = coded === deflated ? PLAINTEXT_DEFLATED : PLAINTEXT_STORED;
  framed.set(coded, 1);
  const iv = await deriveNonce(options.keys.nonceKey, options.context.sopInstanceUid);
  const sealed = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: bufferSource(iv), tagLength, additionalData: bufferSource(encodeAssociatedData(options.context)) },
    options.keys.encryptionKey,
    bufferSource(framed),
  );
  return new Uint8Array(sealed);
}

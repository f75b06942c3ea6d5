import { MedstegoError } from '../errors/index.ts';
import { bufferSource } from './bufferSource.ts';

/**
 * Every sub-key medstego uses, derived from the 32-byte master key material by HKDF-SHA256 (RFC 5869)
 * with one distinct `info` label each, so no key is ever used for two purposes: knowing the layout
 * key (which any decoder of the layout needs) tells nothing about the encryption key.
 */
export interface MedstegoKeys {
  /** AES-256-GCM key for the payload container (non-extractable). */
  readonly encryptionKey: CryptoKey;
  /** HMAC-SHA256 key that derives the AES-GCM nonce from the stego SOP Instance UID. */
  readonly nonceKey: CryptoKey;
  /** 32 bytes: seeds the keyed permutation of block positions. */
  readonly layoutKey: Uint8Array;
  /** 32 bytes: seeds dithers / spreading vectors (robust profile). */
  readonly ditherKey: Uint8Array;
  /** 32 bytes: keyed UID mapping for de-identification. */
  readonly uidKey: Uint8Array;
}

const HKDF_SALT = new TextEncoder().encode('medstego/hkdf-salt/v1');
export const KEY_LABELS = {
  encryption: 'medstego/v1/encryption',
  nonce: 'medstego/v1/nonce',
  layout: 'medstego/v1/layout',
  dither: 'medstego/v1/dither',
  uid: 'medstego/v1/uid',
} as const;

export async function deriveKeys(masterKey: Uint8Array): Promise<MedstegoKeys> {
  if (masterKey.length !== 32) throw new MedstegoError('KEY_INVALID', `Master key material must be 32 bytes; got ${masterKey.length}.`);
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', bufferSource(masterKey), 'HKDF', false, ['deriveBits']);
  const derive = async (label: string): Promise<Uint8Array> =>
    new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: bufferSource(HKDF_SALT), info: bufferSource(new TextEncoder().encode(label)) }, base, 256));
  const [encryption, nonce, layoutKey, ditherKey, uidKey] = await Promise.all([
    derive(KEY_LABELS.encryption),
    derive(KEY_LABELS.nonce),
    derive(KEY_LABELS.layout),
    derive(KEY_LABELS.dither),
    derive(KEY_LABELS.uid),
  ]);
  const encryptionKey = await subtle.importKey('raw', bufferSource(encryption), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const nonceKey = await subtle.importKey('raw', bufferSource(nonce), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { encryptionKey, nonceKey, layoutKey, ditherKey, uidKey };
}

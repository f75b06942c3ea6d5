/**
 * The keyed UID mapping of de-identification: HMAC-SHA256(uidKey, original UID) → a UID under the
 * 2.25 root (PS3.5 B.2). The same key maps a UID to the same replacement in every file, so a series
 * stays one series and references between de-identified objects still resolve; without the key the
 * original cannot be recovered or confirmed by guessing (plain hashing would let anyone test a
 * candidate UID).
 *
 * B.2 wants the decimal form of a UUID: the first 128 bits of the MAC get the RFC 9562 version 8
 * ("custom") and variant bits, leaving 122 keyed bits.
 */
import { MedstegoError } from '../errors/index.ts';

export const UID_KEY_LENGTH = 32;

/** Import the raw 32-byte uid key as an HMAC-SHA256 key (non-extractable). */
export async function importUidKey(uidKey: Uint8Array): Promise<CryptoKey> {
  if (!(uidKey instanceof Uint8Array) || uidKey.length !== UID_KEY_LENGTH) {
    throw new MedstegoError('DEIDENTIFY_FAILED', `The UID key must be ${UID_KEY_LENGTH} bytes.`, { length: uidKey?.length ?? null });
  }
  // A copy: WebCrypto wants a view of a plain ArrayBuffer, and the caller keeps its own bytes.
  return globalThis.crypto.subtle.importKey('raw', Uint8Array.from(uidKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function hmacSha256(key: CryptoKey, text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
}

export async function deidentifiedUid(key: CryptoKey, uid: string): Promise<string> {
  const bytes = (await hmacSha256(key, uid)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return `2.25.${value.toString(10)}`;
}

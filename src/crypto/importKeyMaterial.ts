import { MedstegoError } from '../errors/index.ts';
import { bufferSource } from './bufferSource.ts';

/**
 * Turn what the user holds (a key file's bytes or the MEDSTEGO_KEY text) into 32 bytes of master key
 * material, from which deriveKeys makes every sub-key.
 *
 * - exactly 32 bytes: a raw 256-bit key (binary key file);
 * - 64 hexadecimal characters (surrounding whitespace ignored): a raw 256-bit key written as text;
 * - anything else: a passphrase (UTF-8, trailing newline dropped), stretched with PBKDF2-SHA256.
 *
 * The PBKDF2 salt is a fixed application constant, not per file: the same passphrase must give the
 * same key on every machine and for every image, and the key is derived once per process (PBKDF2 is
 * slow on purpose; callers cache the result). Per-image uniqueness comes from the nonce instead.
 */
export const PBKDF2_ITERATIONS = 250_000;
const PBKDF2_SALT = new TextEncoder().encode('medstego/pbkdf2-salt/v1');
const MINIMUM_PASSPHRASE_LENGTH = 8;

export async function importKeyMaterial(source: Uint8Array | string): Promise<Uint8Array> {
  if (typeof source !== 'string' && source.length === 32) return Uint8Array.from(source);
  const text = typeof source === 'string' ? source : new TextDecoder('utf-8', { fatal: false }).decode(source);
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return hexToBytes(trimmed);
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase.trim().length < MINIMUM_PASSPHRASE_LENGTH) {
    throw new MedstegoError(
      'KEY_INVALID',
      `The key is neither 32 raw bytes, nor 64 hex characters, nor a passphrase of at least ${MINIMUM_PASSPHRASE_LENGTH} characters.`,
    );
  }
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', bufferSource(new TextEncoder().encode(passphrase)), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bufferSource(PBKDF2_SALT), iterations: PBKDF2_ITERATIONS }, base, 256);
  return new Uint8Array(bits);
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

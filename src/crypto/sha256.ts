import { bufferSource } from './bufferSource.ts';

/** SHA-256 through WebCrypto (Node and browsers). */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bufferSource(bytes)));
}

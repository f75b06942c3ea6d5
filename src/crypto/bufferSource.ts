/**
 * WebCrypto's TypeScript types take ArrayBuffer-backed views only (TS ≥ 5.7 distinguishes
 * SharedArrayBuffer); copying also keeps callers' arrays out of reach of the crypto call.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

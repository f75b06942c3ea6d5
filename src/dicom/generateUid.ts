/**
 * A new DICOM UID under the 2.25 root: the decimal form of a random (version 4) UUID, PS3.5
 * section B.2. Needs no registered organisation root and is unique with overwhelming probability.
 */
export function generateUid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  // RFC 9562 version 4 and variant bits, so the value is a genuine UUID as B.2 requires.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return `2.25.${value.toString(10)}`;
}

import { bufferSource } from './bufferSource.ts';

/**
 * What a sealed payload is bound to. All of it goes into the AES-GCM associated data, so a payload
 * copied into another image (other SOP Instance UID, size, depth, or pixels) fails authentication
 * instead of decrypting into someone else's identity. The nonce is derived from the key and the
 * stego SOP Instance UID, so no nonce bits are stored; a fresh UID per stego file keeps it unique.
 */
export interface ContainerContext {
  /** Profile name, e.g. 'fidelity' or 'robust'. */
  readonly profile: string;
  readonly rows: number;
  readonly cols: number;
  readonly bitsStored: number;
  /** SOP Instance UID of the stego file (generated before embedding, written by writeStegoDicom). */
  readonly sopInstanceUid: string;
  /**
   * Optional digest of an image feature the profile leaves unchanged (the fidelity profile: SHA-256
   * of every stored value with its least significant bit cleared). Binds the payload to the pixels.
   */
  readonly imageDigest?: Uint8Array;
}

/** Version of the container format (AD layout, compression byte, nonce derivation). */
export const CONTAINER_FORMAT_VERSION = 1;

/** Serialise the context as length-prefixed fields (unambiguous: no two contexts give the same bytes). */
export function encodeAssociatedData(context: ContainerContext): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const push = (bytes: Uint8Array) => {
    parts.push(Uint8Array.of(bytes.length >> 8, bytes.length & 0xff), bytes);
  };
  push(encoder.encode('medstego-container'));
  push(Uint8Array.of(CONTAINER_FORMAT_VERSION));
  push(encoder.encode(context.profile));
  push(Uint8Array.of(context.rows >> 8, context.rows & 0xff, context.cols >> 8, context.cols & 0xff, context.bitsStored));
  push(encoder.encode(context.sopInstanceUid));
  push(context.imageDigest ?? new Uint8Array(0));
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** 96-bit AES-GCM nonce = first 12 bytes of HMAC-SHA256(nonce key, "medstego-nonce/1" ‖ SOP UID). */
export async function deriveNonce(nonceKey: CryptoKey, sopInstanceUid: string): Promise<Uint8Array> {
  const message = new TextEncoder().encode(`medstego-nonce/${CONTAINER_FORMAT_VERSION}\u0000${sopInstanceUid}`);
  const mac = await globalThis.crypto.subtle.sign('HMAC', nonceKey, bufferSource(message));
  return new Uint8Array(mac, 0, 12);
}

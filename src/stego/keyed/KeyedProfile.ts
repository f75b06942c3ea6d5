import type { PixelImage } from '../../image/PixelImage.ts';
import type { BodyMask } from '../../segmentation/Segmenter.ts';

/**
 * The contract shared by the keyed embedding schemes (`fidelity`, `robust`). Both hide an opaque,
 * already encrypted-and-authenticated byte string (the container, built by src/crypto) in the
 * insignificant region, laid out by a keyed permutation over all 4×4 block positions so that a
 * mask that differs between encoder and decoder costs erasures, never a shifted stream.
 *
 * Profiles never see the key or the plaintext: they get the sub-keys they need (layout, dither) as
 * raw bytes, and return the sealed bytes they recovered. Authentication, and so "wrong key" vs
 * "tampered", is decided one level up, where the container is opened.
 */
export interface KeyedProfileKeys {
  /** 32 bytes: seeds the keyed permutation of block positions. */
  readonly layoutKey: Uint8Array;
  /** 32 bytes: seeds dithers / spreading vectors. */
  readonly ditherKey: Uint8Array;
}

export interface KeyedEmbedInput {
  readonly image: PixelImage;
  /** 1 = body (never touched), 0 = insignificant. */
  readonly mask: BodyMask;
  /** The sealed container bytes (ciphertext + tag, and whatever header the profile needs). */
  readonly sealed: Uint8Array;
  readonly keys: KeyedProfileKeys;
}

export interface KeyedEmbedResult {
  readonly stegoPixels: Int32Array;
  /** Raw channel bits written (after error correction), for reports. */
  readonly embeddedBits: number;
  /** Bits the image could carry with this profile at the chosen parameters. */
  readonly capacityBits: number;
  /** Profile-specific parameters chosen for this image (also written in its header). */
  readonly parameters: Readonly<Record<string, number | string>>;
}

export interface KeyedExtractInput {
  readonly image: PixelImage;
  /** The decoder's own mask, recomputed on the stego image. */
  readonly mask: BodyMask;
  readonly keys: KeyedProfileKeys;
}

export interface KeyedExtractResult {
  readonly sealed: Uint8Array;
  /** Symbols corrected and erased by the error-correcting code, for inspect/evaluate reports. */
  readonly correctedSymbols: number;
  readonly erasedSymbols: number;
  readonly parameters: Readonly<Record<string, number | string>>;
}

/** What a profile can tell about an image without the key (for `medstego inspect`). */
export interface KeyedProbe {
  /** Length of the sealed container the header announces. */
  readonly sealedBytes: number;
  readonly parameters: Readonly<Record<string, number | string>>;
}

/**
 * The workflow (src/workflow) drives every profile the same way: seal the payload (src/crypto) with
 * the profile's tag length and image binding, `embed`, and at extraction `extract` then open. The
 * optional members below default to: tag 128 bits, no image binding, the decoder's mask needed, no
 * keyless probe. Register a profile in keyedProfiles.ts (a table name → profile).
 */
export interface KeyedProfile {
  readonly name: 'fidelity' | 'robust';
  /** Largest sealed container, in bytes, this image and mask can carry. 0 when nothing fits. */
  capacityBytes(image: PixelImage, mask: BodyMask): number;
  /** Throws PAYLOAD_CAPACITY_EXCEEDED (with the capacity in details) before touching any pixel. */
  embed(input: KeyedEmbedInput): KeyedEmbedResult;
  /**
   * Throws EXTRACT_NO_PAYLOAD when no header for this key and profile is found, ECC_DECODE_FAILED when
   * the error-correcting code cannot repair what it read (the workflow reports that as
   * CRYPTO_AUTH_FAILED: with a wrong key the bits read are noise).
   */
  extract(input: KeyedExtractInput): KeyedExtractResult;
  /** AES-GCM tag length for this image (same value at embedding and extraction); default 128. */
  readonly tagLengthBits?: (image: PixelImage) => 32 | 64 | 96 | 104 | 112 | 120 | 128;
  /**
   * Bytes of an image feature this profile's embedding never changes; the workflow puts their
   * SHA-256 into the associated data, so the container only opens on this very image. The cover and
   * the stego image must give the same bytes. Leave undefined when attacks are expected (robust).
   */
  readonly imageBinding?: (image: PixelImage) => Uint8Array;
  /** false when `extract` ignores the mask (the workflow then skips segmentation). Default true. */
  readonly extractNeedsMask?: boolean;
  /** Keyless check for this profile's header; undefined when none is found or the profile has none. */
  probe?(image: PixelImage): KeyedProbe | undefined;
}

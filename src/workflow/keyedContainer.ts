import type { PixelImage } from '../image/PixelImage.ts';
import { openPayload, sealPayload, sha256, type ContainerContext, type MedstegoKeys } from '../crypto/index.ts';
import { KEYED_PROFILES, type KeyedProfile, type KeyedProfileName } from '../stego/index.ts';
import { MedstegoError } from '../errors/index.ts';

/**
 * The glue between a keyed profile and the container (src/crypto): the associated data binds the
 * sealed payload to the stego file's SOP Instance UID, its geometry and bit depth, and, for profiles
 * that offer one, a digest of the image feature their embedding leaves unchanged.
 */
export function keyedProfileFor(name: KeyedProfileName): KeyedProfile {
  const profile = KEYED_PROFILES[name];
  if (!profile) throw new MedstegoError('USAGE', `The ${name} profile is not available in this build.`, { profile: name });
  return profile;
}

async function contextFor(profile: KeyedProfile, image: PixelImage, sopInstanceUid: string): Promise<ContainerContext> {
  return {
    profile: profile.name,
    rows: image.rows,
    cols: image.cols,
    bitsStored: image.bitsStored,
    sopInstanceUid,
    ...(profile.imageBinding ? { imageDigest: await sha256(profile.imageBinding(image)) } : {}),
  };
}

export async function sealContainer(profile: KeyedProfile, image: PixelImage, sopInstanceUid: string, plaintext: Uint8Array, keys: MedstegoKeys): Promise<Uint8Array> {
  return sealPayload(plaintext, { keys, context: await contextFor(profile, image, sopInstanceUid), tagLengthBits: profile.tagLengthBits?.(image) ?? 128 });
}

/** Throws CRYPTO_AUTH_FAILED unless the container authenticates for this image, UID and key. */
export async function openContainer(profile: KeyedProfile, image: PixelImage, sopInstanceUid: string, sealed: Uint8Array, keys: MedstegoKeys): Promise<Uint8Array> {
  return openPayload(sealed, { keys, context: await contextFor(profile, image, sopInstanceUid), tagLengthBits: profile.tagLengthBits?.(image) ?? 128 });
}

export { importKeyMaterial, PBKDF2_ITERATIONS } from './importKeyMaterial.ts';
export { deriveKeys, KEY_LABELS, type MedstegoKeys } from './deriveKeys.ts';
export { CONTAINER_FORMAT_VERSION, encodeAssociatedData, deriveNonce, type ContainerContext } from './ContainerContext.ts';
export { sealPayload, TAG_LENGTHS_BITS, type TagLengthBits, type SealOptions } from './sealPayload.ts';
export { openPayload } from './openPayload.ts';
export { createKeyedRandom, type KeyedRandom } from './createKeyedRandom.ts';
export { keyedPermutation } from './keyedPermutation.ts';
export { sha256 } from './sha256.ts';

import { deriveKeys, importKeyMaterial, sha256, type MedstegoKeys } from '../crypto/index.ts';

/**
 * The evaluation's key. The keyed profiles need one, and their figures must be reproducible run to
 * run, so the evaluation derives its keys from this public passphrase (PBKDF2, then HKDF, exactly
 * as a user's passphrase key would be). It protects nothing: never use it for real data.
 */
export const EVALUATION_PASSPHRASE = 'medstego public evaluation passphrase (not a secret)';

let cached: Promise<MedstegoKeys> | undefined;

/** The sub-keys of EVALUATION_PASSPHRASE, derived once per process (PBKDF2 is slow on purpose). */
export function evaluationKeys(): Promise<MedstegoKeys> {
  cached ??= importKeyMaterial(EVALUATION_PASSPHRASE).then(deriveKeys);
  return cached;
}

/**
 * A stand-in stego SOP Instance UID for one evaluated file: the container is bound to the UID
 * (nonce and associated data), and a UID derived from the file name keeps runs reproducible while
 * every slice still gets its own nonce.
 */
export async function evaluationSopInstanceUid(file: string): Promise<string> {
  const digest = await sha256(new TextEncoder().encode(`medstego-evaluation/${file}`));
  let value = 0n;
  for (let i = 0; i < 15; i++) value = (value << 8n) | BigInt(digest[i]!);
  return `2.25.${value}`;
}

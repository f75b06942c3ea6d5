import { promises as fs } from 'node:fs';
import { deriveKeys, importKeyMaterial, type MedstegoKeys } from '../crypto/index.ts';
import { MedstegoError } from '../errors/index.ts';

/**
 * The key comes from a key file (--key-file F) or the MEDSTEGO_KEY environment variable, never from
 * a command-line argument (arguments are visible to every user of the machine in `ps` and land in
 * shell history). The file wins when both are set. Derived once per command run: PBKDF2 is slow
 * on purpose, and a batch of a thousand slices must not pay it a thousand times.
 */
export const KEY_ENVIRONMENT_VARIABLE = 'MEDSTEGO_KEY';

export async function loadKeys(keyFile: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<MedstegoKeys | undefined> {
  let source: Uint8Array | string | undefined;
  if (keyFile !== undefined) {
    try {
      source = new Uint8Array(await fs.readFile(keyFile));
    } catch {
      throw new MedstegoError('KEY_INVALID', `Cannot read the key file ${keyFile}.`);
    }
  } else if (env[KEY_ENVIRONMENT_VARIABLE]) {
    source = env[KEY_ENVIRONMENT_VARIABLE];
  }
  if (source === undefined) return undefined;
  return deriveKeys(await importKeyMaterial(source));
}

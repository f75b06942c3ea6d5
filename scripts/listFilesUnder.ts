/**
 * Every regular file under a folder, for the scripts and the corpus tests that walk
 * ../shared/data or a folder of slices. Full paths, in a stable order (each folder's names sorted,
 * depth first) so that runs, sampling strides and generated ids do not depend on the file system.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function listFilesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFilesUnder(full) : [full];
  });
}

/** The `.dcm` files under a folder (the bundled samples, the viewer's studies), same order. */
export function listDicomFilesUnder(dir: string): string[] {
  return listFilesUnder(dir).filter((file) => file.endsWith('.dcm'));
}

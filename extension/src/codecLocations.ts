/** The DICOM codecs' `.wasm` files are served in `codecs/` in the folder of the extension bundle (`baseUrl`). */
import type { CodecLoaderOptions } from '../../src/dicom/index.ts';

export function codecLocations(baseUrl: string): CodecLoaderOptions {
  return { locateFile: (fileName) => new URL(`codecs/${fileName}`, baseUrl).href };
}

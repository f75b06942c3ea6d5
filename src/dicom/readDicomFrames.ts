/**
 * Decode every frame of a file, multi-frame included. `readDicom` refuses multi-frame images;
 * this reader exists so the decoders can be checked frame by frame against uncompressed twins
 * (multi-frame samples are where fragment grouping and offset tables matter).
 */
import type { CodecLoaderOptions } from './codecs/loadCodecs.ts';
import { decodePixelFrame } from './decodePixelFrame.ts';
import { openDicom } from './openDicom.ts';
import type { PixelModule } from './readPixelModule.ts';

export interface DicomFrames {
  readonly pixelModule: PixelModule;
  readonly transferSyntaxUid: string;
  readonly frames: Int32Array[];
}

export async function readDicomFrames(bytes: Uint8Array, codecOptions?: CodecLoaderOptions): Promise<DicomFrames> {
  const source = openDicom(bytes);
  const frames: Int32Array[] = [];
  for (let frameIndex = 0; frameIndex < source.pixelModule.numberOfFrames; frameIndex++) {
    frames.push(await decodePixelFrame(source, frameIndex, codecOptions));
  }
  return { pixelModule: source.pixelModule, transferSyntaxUid: source.transferSyntaxUid, frames };
}

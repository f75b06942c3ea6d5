/**
 * Decode one frame of Pixel Data, whatever its transfer syntax, into stored values. The codecs
 * return samples in whatever width and signedness the codestream declares; `toStoredValues`
 * then applies the header's Bits Stored and Pixel Representation, which are authoritative.
 */
import type { DataSet, Element } from 'dicom-parser';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import type { CodecLoaderOptions } from './codecs/loadCodecs.ts';
import { decodeJpeg2000Frame } from './codecs/decodeJpeg2000Frame.ts';
import { decodeJpegBaselineFrame } from './codecs/decodeJpegBaselineFrame.ts';
import { decodeJpegLosslessFrame } from './codecs/decodeJpegLosslessFrame.ts';
import { decodeJpegLsFrame } from './codecs/decodeJpegLsFrame.ts';
import { decodeNativeFrame } from './decodeNativeFrame.ts';
import { decodeRleFrame } from './decodeRleFrame.ts';
import { readEncapsulatedFrame } from './readEncapsulatedFrame.ts';
import type { PixelModule } from './readPixelModule.ts';
import { toStoredValues } from './toStoredValues.ts';
import type { TransferSyntaxInfo } from './transferSyntaxes.ts';

export interface FrameSource {
  readonly dataSet: DataSet;
  readonly pixelElement: Element;
  readonly pixelModule: PixelModule;
  readonly transferSyntax: TransferSyntaxInfo;
  readonly transferSyntaxUid: string;
}

export async function decodePixelFrame(source: FrameSource, frameIndex: number, codecOptions?: CodecLoaderOptions): Promise<Int32Array> {
  const { dataSet, pixelElement, pixelModule, transferSyntax } = source;
  const { encoding } = transferSyntax;
  if (encoding === 'native') {
    if (pixelElement.encapsulatedPixelData) {
      throw new MedstegoError('DICOM_CORRUPT', 'Pixel Data is encapsulated although the transfer syntax is native', {
        transferSyntaxUid: source.transferSyntaxUid,
      });
    }
    return decodeNativeFrame(dataSet, pixelElement, pixelModule, frameIndex, transferSyntax.bigEndian);
  }
  if (encoding === 'refused') {
    throw new MedstegoError(
      'DICOM_UNSUPPORTED_TRANSFER_SYNTAX',
      `${transferSyntax.name} is not supported: ${transferSyntax.refusalReason ?? 'no decoder'}`,
      { transferSyntaxUid: source.transferSyntaxUid },
    );
  }
  if (!pixelElement.encapsulatedPixelData) {
    throw new MedstegoError('DICOM_CORRUPT', 'Pixel Data is not encapsulated although the transfer syntax is compressed', {
      transferSyntaxUid: source.transferSyntaxUid,
    });
  }

  const frame = readEncapsulatedFrame(dataSet, pixelElement, frameIndex, pixelModule.numberOfFrames, encoding);
  const pixelCount = pixelModule.rows * pixelModule.cols;
  let samples: Uint8Array | Int8Array | Uint16Array | Int16Array;
  try {
    switch (encoding) {
      case 'rle':
        samples = decodeRleFrame(frame, pixelModule);
        break;
      case 'jpeg-lossless':
        samples = decodeJpegLosslessFrame(frame, pixelModule);
        break;
      case 'jpeg-ls':
        samples = await decodeJpegLsFrame(frame, pixelModule, codecOptions);
        break;
      case 'jpeg2000':
        samples = await decodeJpeg2000Frame(frame, pixelModule, codecOptions);
        break;
      case 'jpeg-baseline':
        samples = await decodeJpegBaselineFrame(frame, pixelModule, codecOptions);
        break;
    }
  } catch (thrown) {
    throw wrapThrown(thrown, 'DICOM_DECODE_FAILED', `${transferSyntax.name} frame ${frameIndex} could not be decoded`);
  }
  if (samples.length < pixelCount) {
    throw new MedstegoError('DICOM_DECODE_FAILED', `${transferSyntax.name} frame decoded to fewer samples than Rows x Columns`, {
      samples: samples.length,
      pixels: pixelCount,
    });
  }
  return toStoredValues(samples, pixelModule.bitsStored, pixelModule.pixelRepresentation, pixelCount);
}

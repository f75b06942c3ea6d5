/**
 * Parse a file and check everything short of decoding pixels: transfer syntax, presence of Pixel
 * Data, Image Pixel module. Shared by `readDicom` and the frame-by-frame reader used in tests.
 */
import { MedstegoError } from '../errors/index.ts';
import type { FrameSource } from './decodePixelFrame.ts';
import { parseDicomBytes } from './parseDicomBytes.ts';
import { readPixelModule } from './readPixelModule.ts';
import { readUid } from './readUid.ts';
import { lookupTransferSyntax } from './transferSyntaxes.ts';

export function openDicom(bytes: Uint8Array): FrameSource {
  const dataSet = parseDicomBytes(bytes);
  const transferSyntaxUid = readUid(dataSet, 'x00020010');
  const transferSyntax = lookupTransferSyntax(transferSyntaxUid);
  if (!transferSyntax) {
    throw new MedstegoError('DICOM_UNSUPPORTED_TRANSFER_SYNTAX', 'Unknown transfer syntax', { transferSyntaxUid });
  }
  if (transferSyntax.encoding === 'refused') {
    throw new MedstegoError(
      'DICOM_UNSUPPORTED_TRANSFER_SYNTAX',
      `${transferSyntax.name} is not supported: ${transferSyntax.refusalReason ?? 'no decoder'}`,
      { transferSyntaxUid },
    );
  }
  const pixelElement = dataSet.elements.x7fe00010;
  if (!pixelElement) {
    throw new MedstegoError('DICOM_NO_PIXEL_DATA', 'The data set has no Pixel Data (7FE0,0010)');
  }
  const pixelModule = readPixelModule(dataSet);
  return { dataSet, pixelElement, pixelModule, transferSyntax, transferSyntaxUid };
}


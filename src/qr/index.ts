export {
  type QrModules,
  type QrErrorCorrectionLevel,
  QR_MIN_VERSION,
  QR_MAX_VERSION,
  qrSizeForVersion,
  qrVersionForSize,
} from './QrModules.ts';
export { encodeQrModules, type EncodeQrOptions } from './encodeQrModules.ts';
export { decodeQrModules } from './decodeQrModules.ts';
export { renderQrGray, type RenderQrOptions, type GrayImage } from './renderQrGray.ts';
export { repairQrFunctionPatterns, qrAlignmentCoordinates } from './repairQrFunctionPatterns.ts';

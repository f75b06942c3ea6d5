export { encodeGrayPng } from './encodeGrayPng.ts';
export { decodePng, type DecodedPngImage } from './decodePng.ts';

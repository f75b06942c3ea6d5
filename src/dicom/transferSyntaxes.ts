/**
 * The transfer syntaxes medstego knows, and how each one's pixel data is decoded (PS3.5 section 10
 * and Annex A). One table so the reader, the writer and the docs agree on what is supported.
 */

/** How the Pixel Data of a transfer syntax is stored. */
export type PixelEncoding =
  | 'native'
  | 'rle'
  | 'jpeg-lossless'
  | 'jpeg-ls'
  | 'jpeg2000'
  | 'jpeg-baseline'
  | 'refused';

export interface TransferSyntaxInfo {
  readonly name: string;
  readonly encoding: PixelEncoding;
  /** True when decoding cannot give back the pixels that were compressed. */
  readonly lossy: boolean;
  readonly bigEndian: boolean;
  readonly deflated: boolean;
  readonly implicitVr: boolean;
  /** Why a refused syntax is refused (no patient data, safe for messages). */
  readonly refusalReason?: string;
}

const native = { encoding: 'native', lossy: false, bigEndian: false, deflated: false, implicitVr: false } as const;
const encapsulated = { lossy: false, bigEndian: false, deflated: false, implicitVr: false } as const;
const twelveBitLossyReason =
  '12-bit lossy JPEG (Process 2/4, 6/8, 10/12) has no accurate decoder in the browser-safe codecs medstego uses';

export const TRANSFER_SYNTAXES: Readonly<Record<string, TransferSyntaxInfo>> = {
  '1.2.840.10008.1.2': { ...native, name: 'Implicit VR Little Endian', implicitVr: true },
  '1.2.840.10008.1.2.1': { ...native, name: 'Explicit VR Little Endian' },
  '1.2.840.10008.1.2.1.99': { ...native, name: 'Deflated Explicit VR Little Endian', deflated: true },
  '1.2.840.10008.1.2.2': { ...native, name: 'Explicit VR Big Endian (retired)', bigEndian: true },
  '1.2.840.10008.1.2.5': { ...encapsulated, name: 'RLE Lossless', encoding: 'rle' },
  '1.2.840.10008.1.2.4.50': { ...encapsulated, name: 'JPEG Baseline (Process 1)', encoding: 'jpeg-baseline', lossy: true },
  '1.2.840.10008.1.2.4.51': {
    ...encapsulated,
    name: 'JPEG Extended (Process 2 & 4)',
    encoding: 'refused',
    lossy: true,
    refusalReason: twelveBitLossyReason,
  },
  '1.2.840.10008.1.2.4.53': {
    ...encapsulated,
    name: 'JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8, retired)',
    encoding: 'refused',
    lossy: true,
    refusalReason: twelveBitLossyReason,
  },
  '1.2.840.10008.1.2.4.55': {
    ...encapsulated,
    name: 'JPEG Full Progression, Non-Hierarchical (Process 10 & 12, retired)',
    encoding: 'refused',
    lossy: true,
    refusalReason: twelveBitLossyReason,
  },
  '1.2.840.10008.1.2.4.57': { ...encapsulated, name: 'JPEG Lossless, Non-Hierarchical (Process 14)', encoding: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.70': {
    ...encapsulated,
    name: 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 SV1)',
    encoding: 'jpeg-lossless',
  },
  '1.2.840.10008.1.2.4.80': { ...encapsulated, name: 'JPEG-LS Lossless', encoding: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.81': { ...encapsulated, name: 'JPEG-LS Lossy (Near-Lossless)', encoding: 'jpeg-ls', lossy: true },
  '1.2.840.10008.1.2.4.90': { ...encapsulated, name: 'JPEG 2000 Lossless Only', encoding: 'jpeg2000' },
  '1.2.840.10008.1.2.4.91': { ...encapsulated, name: 'JPEG 2000', encoding: 'jpeg2000', lossy: true },
};

/** The known syntax for a UID, or undefined for one medstego has never heard of. */
export function lookupTransferSyntax(uid: string): TransferSyntaxInfo | undefined {
  return Object.hasOwn(TRANSFER_SYNTAXES, uid) ? TRANSFER_SYNTAXES[uid] : undefined;
}

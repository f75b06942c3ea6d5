import { readDicom } from '../dicom/index.ts';
import type { DicomSlice } from '../dicom/DicomSlice.ts';
import type { BodyMask, Segmenter } from '../segmentation/Segmenter.ts';
import { deserializePayload, type PayloadFields } from '../payload/index.ts';
import { extractPaper, KEYED_PROFILES, type KeyedProfile, type PaperParameters } from '../stego/index.ts';
import type { MedstegoKeys } from '../crypto/index.ts';
import { MedstegoError, isMedstegoError } from '../errors/index.ts';
import { stopwatch } from './stopwatch.ts';
import { keyedProfileFor, openContainer } from './keyedContainer.ts';
import type { ProfileName } from './embedDicom.ts';

export interface ExtractDicomOptions {
  readonly segmenter: Segmenter;
  /** Which profile wrote the file; by default it is found from the file (keyed headers first, then `paper`). */
  readonly profile?: ProfileName;
  /** Needed for the keyed profiles. */
  readonly keys?: MedstegoKeys;
  readonly paperParameters?: Partial<PaperParameters>;
}

/** How far the recovered payload can be trusted (keyed profiles). */
export interface ExtractIntegrity {
  /** AES-GCM authenticated the payload for this key, this image and its SOP Instance UID. */
  readonly authenticated: boolean;
  /** Symbols the error-correcting code repaired: > 0 means the image changed since embedding. */
  readonly correctedSymbols: number;
  readonly erasedSymbols: number;
  /** Authenticated and nothing needed repair. */
  readonly intact: boolean;
}

export interface ExtractDicomResult {
  readonly profile: ProfileName;
  readonly payload: PayloadFields;
  /** Payload bytes (UTF-8 JSON) and sealed container bytes (0 for `paper`). */
  readonly payloadBytes: number;
  readonly sealedBytes: number;
  /** Keyed profiles only. */
  readonly integrity?: ExtractIntegrity;
  readonly parameters: Readonly<Record<string, number | string>>;
  /** `paper` only: the recovered QR code. */
  readonly qrText?: string;
  readonly qrModules?: Uint8Array;
  readonly qrSize?: number;
  readonly timingsMs: { readonly read: number; readonly segment: number; readonly extract: number };
}

/** The keyed profile whose keyless header is in the image, if any. */
export function probeKeyedProfiles(image: DicomSlice['image']): { profile: KeyedProfile; sealedBytes: number; parameters: Readonly<Record<string, number | string>> } | undefined {
  for (const profile of Object.values(KEYED_PROFILES)) {
    const probe = profile?.probe?.(image);
    if (profile && probe) return { profile, ...probe };
  }
  return undefined;
}

/**
 * Read a stego DICOM and return the hidden fields. Keyed profiles: the header is found, the sealed
 * container read and opened with the key (CRYPTO_AUTH_FAILED on a wrong key, an altered image or a
 * payload copied from another image). `paper`: the mask is recomputed and the QR decoded (Algorithm 2).
 */
export async function extractDicom(bytes: Uint8Array, options: ExtractDicomOptions): Promise<ExtractDicomResult> {
  const timer = stopwatch();
  const stego = await readDicom(bytes);
  const read = timer.lap();

  let candidates: KeyedProfile[];
  if (options.profile === 'paper') candidates = [];
  else if (options.profile) candidates = [keyedProfileFor(options.profile)];
  else {
    const found = probeKeyedProfiles(stego.image);
    if (found) candidates = [found.profile];
    else candidates = options.keys ? Object.values(KEYED_PROFILES).filter((p): p is KeyedProfile => p !== undefined && !p.probe) : [];
  }
  let segmentMs = 0;
  let mask: BodyMask | undefined;
  const decoderMask = async (): Promise<BodyMask> => {
    if (!mask) {
      const start = performance.now();
      mask = await options.segmenter.segment(stego.image);
      segmentMs += performance.now() - start;
    }
    return mask;
  };

  for (const profile of candidates) {
    if (!options.keys) {
      throw new MedstegoError('KEY_MISSING', `The file carries a ${profile.name} payload; a key is needed (--key-file F or MEDSTEGO_KEY).`, { profile: profile.name });
    }
    const profileMask = profile.extractNeedsMask === false ? new Uint8Array(stego.image.rows * stego.image.cols) : await decoderMask();
    timer.lap();
    let recovered;
    try {
      recovered = profile.extract({ image: stego.image, mask: profileMask, keys: options.keys });
    } catch (error) {
      if (isMedstegoError(error, 'EXTRACT_NO_PAYLOAD') && !options.profile) continue;
      if (isMedstegoError(error, 'ECC_DECODE_FAILED')) {
        throw new MedstegoError(
          'CRYPTO_AUTH_FAILED',
          'The hidden payload failed authentication: what was read does not decode (wrong key, or the image was altered).',
          { profile: profile.name, decodeFailed: true },
        );
      }
      throw error;
    }
    const plaintext = await openContainer(profile, stego.image, stego.sopInstanceUid, recovered.sealed, options.keys);
    const extract = timer.lap();
    return {
      profile: profile.name,
      payload: deserializePayload(new TextDecoder().decode(plaintext)),
      payloadBytes: plaintext.length,
      sealedBytes: recovered.sealed.length,
      integrity: {
        authenticated: true,
        correctedSymbols: recovered.correctedSymbols,
        erasedSymbols: recovered.erasedSymbols,
        intact: recovered.correctedSymbols === 0 && recovered.erasedSymbols === 0,
      },
      parameters: recovered.parameters,
      timingsMs: { read, segment: round(segmentMs), extract },
    };
  }
  if (options.profile && options.profile !== 'paper') {
    throw new MedstegoError('EXTRACT_NO_PAYLOAD', `No ${options.profile} payload was found in the image.`);
  }

  await decoderMask();
  timer.lap();
  const result = extractPaper(stego.image, mask!, options.paperParameters);
  const extract = timer.lap();
  return {
    profile: 'paper',
    payload: deserializePayload(result.payloadText),
    payloadBytes: new TextEncoder().encode(result.payloadText).length,
    sealedBytes: 0,
    parameters: {},
    qrText: result.payloadText,
    qrModules: result.qrModules,
    qrSize: result.qrSize,
    timingsMs: { read, segment: round(segmentMs), extract },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

import type { NoiseKind } from '../attacks/index.ts';

/** The profiles the evaluation compares; `paper` is swept over β, the keyed ones run at their defaults. */
export type EvaluationProfile = 'paper' | 'fidelity' | 'robust';
export const EVALUATION_PROFILES: readonly EvaluationProfile[] = ['paper', 'fidelity', 'robust'];

/** One attacked stego image (the paper's Table 6), extracted as the receiver would. */
export interface AttackMeasurement {
  /** Attack id, e.g. `gaussian-53dB` (see TABLE6_ATTACKS). */
  readonly attack: string;
  readonly noise: NoiseKind;
  /** PSNR (MAX = the stego image's range) the attack actually reached on the integers. */
  readonly attackPsnrDbRange: number;
  /** Keyed profiles: the authenticated payload came back; `paper`: the QR decoded to the payload. */
  readonly extracted: boolean;
  readonly errorCode: string | null;
  /** `paper` only: NCC and bit error rate of sent vs retrieved QR modules (the paper's measure). */
  readonly qrNcc: number | null;
  readonly qrBer: number | null;
  /** Keyed profiles: symbols the error-correcting code repaired (or erased) on the way. */
  readonly correctedSymbols: number | null;
}

/** One slice, one profile, one setting (a β for `paper`, the defaults for keyed profiles). */
export interface ProfileMeasurement {
  readonly profile: EvaluationProfile;
  /** `paper` only. */
  readonly beta: number | null;
  /** `paper`: 16 bits per usable block; keyed: the largest sealed container that fits, in bits. */
  readonly capacityBits: number;
  /** Net payload bits: QR modules (`paper`, the paper's sense) or the sealed container (keyed). */
  readonly payloadBits: number;
  /** The user's payload before sealing (identity JSON, or the robust profile's reference). */
  readonly userPayloadBytes: number;
  /** Channel bits written (QR block padding, or header and error correction). */
  readonly embeddedBits: number;
  /** null when the embedding was refused (errorCode says why). */
  readonly psnrDb: number | null;
  readonly psnrDbRange: number | null;
  readonly mse: number | null;
  /** Integer-pixel PSNR bound (DESIGN §3) for payloadBits in this image, both conventions. */
  readonly psnrBoundDb: number | null;
  readonly psnrBoundDbRange: number | null;
  /** NCC of the cover mask and the mask recomputed on the stego image (paper Table 3, issue 5). */
  readonly maskNcc: number | null;
  /** Extraction from the stego image with its own mask gave the exact payload back. */
  readonly extracted: boolean;
  readonly errorCode: string | null;
  /** Milliseconds for embedding and for extraction (segmentation excluded); null if not run. */
  readonly embedMs: number | null;
  readonly extractMs: number | null;
  /** Table 6, at the profile's default setting only (empty elsewhere). */
  readonly attacks: readonly AttackMeasurement[];
}

export interface SliceEvaluation {
  readonly file: string;
  readonly modality: string;
  readonly rows: number;
  readonly cols: number;
  readonly bitsStored: number;
  /** Fraction of pixels the cover mask calls insignificant. */
  readonly backgroundFraction: number;
  readonly measurements: readonly ProfileMeasurement[];
}

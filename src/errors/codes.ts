/**
 * The one registry of error codes. Every failure the core can report has a stable string code here,
 * a one-line meaning, and the CLI exit code it maps to. `docs/errors.md` is generated from this table
 * (scripts/generate-error-docs.ts); tests assert on codes, never on message text.
 */
export const ERROR_CODES = {
  // Input files and DICOM parsing (exit 3)
  INPUT_NOT_FOUND: { exitCode: 3, meaning: 'The input path does not exist or cannot be read.' },
  DICOM_NOT_DICOM: { exitCode: 3, meaning: 'The file is not a DICOM Part 10 file (no DICM preamble) and cannot be parsed as a raw data set.' },
  DICOM_TRUNCATED: { exitCode: 3, meaning: 'The file ends before its data set or pixel data is complete.' },
  DICOM_CORRUPT: { exitCode: 3, meaning: 'The data set cannot be parsed (bad tag, length or value).' },
  DICOM_NO_PIXEL_DATA: { exitCode: 3, meaning: 'The data set has no Pixel Data element.' },
  DICOM_UNSUPPORTED_TRANSFER_SYNTAX: { exitCode: 3, meaning: 'The transfer syntax is not one medstego can decode.' },
  DICOM_UNSUPPORTED_PHOTOMETRIC: { exitCode: 3, meaning: 'Only single-sample grayscale images (MONOCHROME1/2) can carry a payload.' },
  DICOM_UNSUPPORTED_PIXEL_FORMAT: { exitCode: 3, meaning: 'Bits Allocated / Bits Stored / Pixel Representation combination is not supported.' },
  DICOM_MULTIFRAME: { exitCode: 3, meaning: 'Multi-frame images are refused: medstego processes single-frame slices.' },
  DICOM_DECODE_FAILED: { exitCode: 3, meaning: 'A codec failed to decode the compressed pixel data.' },
  IMAGE_INVALID: { exitCode: 3, meaning: 'An image file (PNG mask or QR) is not a valid image.' },
  DICOM_WRITE_FAILED: { exitCode: 5, meaning: 'The stego data set could not be serialised.' },

  // Payload (exit 4)
  PAYLOAD_INVALID: { exitCode: 4, meaning: 'The payload file or fields are not valid (not JSON, not an object of strings).' },
  PAYLOAD_EMPTY: { exitCode: 4, meaning: 'There is nothing to hide: no identity fields in the header and no payload file.' },
  PAYLOAD_CAPACITY_EXCEEDED: { exitCode: 4, meaning: 'The payload does not fit in the insignificant region of this image.' },
  NO_BACKGROUND: { exitCode: 4, meaning: 'The image has no (or too little) insignificant region to hide anything in.' },
  EMBED_PARAMETERS_INVALID: { exitCode: 4, meaning: 'An embedding parameter (alpha, beta, ...) is outside its valid range for this image.' },
  EMBED_VERIFY_FAILED: { exitCode: 4, meaning: 'The stego image did not extract back to the payload (self-check after embedding); nothing was written.' },
  ATTACK_PARAMETERS_INVALID: { exitCode: 4, meaning: 'A noise attack parameter (noise kind, target PSNR, pixel fraction) is invalid, or the image cannot reach the target (e.g. a constant image).' },
  DEIDENTIFY_FAILED: { exitCode: 5, meaning: 'De-identification could not be applied (a UID key of the wrong length, a UID without a keyed replacement, an original UID left in the output, or the keyless paper profile asked to hide the header identity); nothing was written.' },

  // Extraction (exit 6)
  EXTRACT_NO_PAYLOAD: { exitCode: 6, meaning: 'No payload could be found in the image.' },
  QR_DECODE_FAILED: { exitCode: 6, meaning: 'The recovered QR code could not be decoded.' },
  ECC_DECODE_FAILED: { exitCode: 6, meaning: 'Too many symbol errors and erasures for the error-correcting code to repair.' },

  // Keys and authentication (exit 2 / 8)
  KEY_MISSING: { exitCode: 2, meaning: 'A keyed profile (fidelity, robust) needs a key: --key-file F or the MEDSTEGO_KEY environment variable.' },
  KEY_INVALID: { exitCode: 2, meaning: 'The key is not 32 raw bytes, 64 hex characters, or a passphrase of at least 8 characters.' },
  CRYPTO_AUTH_FAILED: { exitCode: 8, meaning: 'The hidden payload failed authentication: wrong key, altered image, or a payload copied from another image. Nothing of it is shown.' },

  // Output and usage (exit 2 / 5)
  USAGE: { exitCode: 2, meaning: 'The command line is invalid.' },
  OUTPUT_IS_INPUT: { exitCode: 2, meaning: 'The output path is the input path (or inside the input directory); medstego never overwrites its input.' },
  OUTPUT_EXISTS: { exitCode: 5, meaning: 'The output file already exists; pass --overwrite to replace an earlier output (never an input).' },
  OUTPUT_WRITE_FAILED: { exitCode: 5, meaning: 'Writing the output file failed; no partial file was left.' },

  SEGMENTATION_FAILED: { exitCode: 7, meaning: 'The segmenter failed on this image.' },
  MODEL_NOT_FOUND: { exitCode: 7, meaning: 'The Mask R-CNN model file (models/body-maskrcnn.onnx) or its metadata (.json) is missing; pass --model or choose --segmenter threshold.' },
  MODEL_INVALID: { exitCode: 7, meaning: 'The Mask R-CNN model or its metadata does not match the model contract the runner implements (version, input, outputs, thresholds, pre-processing).' },
  INTERNAL: { exitCode: 70, meaning: 'An unexpected internal error (a bug): please report it.' },
} as const satisfies Record<string, { exitCode: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

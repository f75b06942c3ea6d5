import { ERROR_CODES, type ErrorCode } from './codes.ts';

/** JSON-safe extra facts about an error (never patient data). */
export type ErrorDetails = Record<string, string | number | boolean | null>;

/**
 * The single error type of the core. The core throws it and never logs; the CLI maps `code` to an
 * exit code and JSON, the viewer to a notification. Messages must never contain patient data.
 */
export class MedstegoError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MedstegoError';
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exitCode;
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** True when `error` is a MedstegoError with the given code (handy in tests and shells). */
export function isMedstegoError(error: unknown, code?: ErrorCode): error is MedstegoError {
  return error instanceof MedstegoError && (code === undefined || error.code === code);
}

/**
 * Libraries throw plain objects (dicom-parser), strings or bare numbers (WASM codecs).
 * Wrap whatever was thrown into a MedstegoError with the given code, keeping the cause.
 */
export function wrapThrown(thrown: unknown, code: ErrorCode, context: string): MedstegoError {
  if (thrown instanceof MedstegoError) return thrown;
  let text: string;
  if (thrown instanceof Error) text = thrown.message;
  else if (typeof thrown === 'string') text = thrown;
  else if (typeof thrown === 'number') text = `codec error code ${thrown}`;
  else if (thrown && typeof thrown === 'object' && 'exception' in thrown) text = String((thrown as { exception: unknown }).exception);
  else text = String(thrown);
  return new MedstegoError(code, `${context}: ${text}`, {}, { cause: thrown });
}

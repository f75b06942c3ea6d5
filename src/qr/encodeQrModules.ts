/**
 * Text -> QR module matrix, through the `qrcode` package (ISO/IEC 18004 encoder; it chooses the
 * smallest version, the segment modes and the mask). UTF-8 text is stored in byte mode.
 */
// qrcode is CommonJS: the default import is its `module.exports` under Node ESM, tsx and bundlers
// alike; a named import would depend on each tool's CommonJS interop heuristics.
import QRCode from 'qrcode';
import type { QRCode as QrSymbol } from 'qrcode';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import type { QrErrorCorrectionLevel, QrModules } from './QrModules.ts';

export interface EncodeQrOptions {
  /** Default 'H': the highest level, which still decodes with about 2% of modules flipped (DESIGN §3). */
  readonly errorCorrectionLevel?: QrErrorCorrectionLevel;
}

const LEVELS: readonly QrErrorCorrectionLevel[] = ['L', 'M', 'Q', 'H'];

export function encodeQrModules(text: string, options: EncodeQrOptions = {}): QrModules {
  const errorCorrectionLevel = options.errorCorrectionLevel ?? 'H';
  if (!LEVELS.includes(errorCorrectionLevel)) {
    throw new MedstegoError('INTERNAL', `Unknown QR error-correction level ${String(errorCorrectionLevel)}.`, {
      errorCorrectionLevel: String(errorCorrectionLevel),
    });
  }
  if (text.length === 0) {
    throw new MedstegoError('PAYLOAD_EMPTY', 'Cannot encode an empty text as a QR code.');
  }
  let symbol: QrSymbol;
  try {
    symbol = QRCode.create(text, { errorCorrectionLevel });
  } catch (thrown) {
    // The only data-dependent failure of qrcode is "The amount of data is too big to be stored in a QR Code".
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (/too big/i.test(message)) {
      throw new MedstegoError(
        'PAYLOAD_CAPACITY_EXCEEDED',
        `The text does not fit in a version-40 QR code at error-correction level ${errorCorrectionLevel}.`,
        { characters: text.length, errorCorrectionLevel },
        { cause: thrown },
      );
    }
    throw wrapThrown(thrown, 'PAYLOAD_INVALID', 'QR encoding failed');
  }
  const matrix = symbol.modules;
  const count = matrix.size * matrix.size;
  // Copy out of qrcode's objects: its matrix stores booleans/numbers mixed, and callers must own their arrays.
  const modules = new Uint8Array(count);
  const functionModules = new Uint8Array(count);
  const reserved = matrix.reservedBit;
  for (let i = 0; i < count; i++) {
    modules[i] = matrix.data[i] ? 1 : 0;
    functionModules[i] = reserved[i] ? 1 : 0;
  }
  return { size: matrix.size, modules, functionModules, version: symbol.version, errorCorrectionLevel };
}

/** Shared argument check of the per-image ratios: rows and cols must be positive integers. */
import { MedstegoError } from '../errors/index.ts';

export function requireImageShape(metric: string, bits: number, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new MedstegoError('INTERNAL', `${metric}: rows and cols must be positive integers.`, { rows, cols });
  }
  if (!(bits >= 0) || !Number.isFinite(bits)) {
    throw new MedstegoError('INTERNAL', `${metric}: the bit count must be a non-negative finite number.`, { bits });
  }
}

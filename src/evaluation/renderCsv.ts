import type { SliceEvaluation } from './SliceEvaluation.ts';

const COLUMNS = [
  'file', 'modality', 'rows', 'cols', 'bitsStored', 'backgroundFraction', 'profile', 'beta', 'attack',
  'capacityBits', 'capacityBpp', 'payloadBits', 'payloadRatio', 'userPayloadBytes', 'embeddedBits',
  'psnrDb', 'psnrDbRange', 'mse', 'psnrBoundDb', 'psnrBoundDbRange', 'maskNcc', 'extracted', 'errorCode',
  'embedMs', 'extractMs', 'attackPsnrDbRange', 'qrNcc', 'qrBer', 'correctedSymbols',
] as const;

const number = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined || Number.isNaN(value) ? '' : Number.isFinite(value) ? value.toFixed(digits) : value > 0 ? 'inf' : '-inf';

/**
 * Every measurement, one line each: per slice × profile × setting (β for `paper`), with an empty
 * `attack`; then one line per Table 6 attack of that setting, which repeats the setting's columns
 * and fills the attack's (extracted and errorCode then describe the attacked image).
 */
export function renderCsv(slices: readonly SliceEvaluation[]): string {
  const lines: string[] = [COLUMNS.join(',')];
  for (const slice of slices) {
    const pixels = slice.rows * slice.cols;
    const sliceColumns = [JSON.stringify(slice.file), slice.modality, slice.rows, slice.cols, slice.bitsStored, slice.backgroundFraction.toFixed(4)];
    for (const m of slice.measurements) {
      const setting = [
        m.capacityBits,
        (m.capacityBits / pixels).toFixed(4),
        m.payloadBits,
        (m.payloadBits / pixels).toFixed(5),
        m.userPayloadBytes,
        m.embeddedBits,
        number(m.psnrDb, 3),
        number(m.psnrDbRange, 3),
        number(m.mse, 6),
        number(m.psnrBoundDb, 3),
        number(m.psnrBoundDbRange, 3),
        number(m.maskNcc, 5),
      ];
      const timing = [number(m.embedMs, 2), number(m.extractMs, 2)];
      lines.push([...sliceColumns, m.profile, m.beta ?? '', '', ...setting, m.extracted ? 1 : 0, m.errorCode ?? '', ...timing, '', '', '', ''].join(','));
      for (const a of m.attacks) {
        lines.push(
          [...sliceColumns, m.profile, m.beta ?? '', a.attack, ...setting, a.extracted ? 1 : 0, a.errorCode ?? '', ...timing, number(a.attackPsnrDbRange, 3), number(a.qrNcc, 5), number(a.qrBer, 5), a.correctedSymbols ?? ''].join(','),
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

import type { SliceEvaluation } from './evaluateSlice.ts';
import { PAPER_BETAS } from './evaluateSlice.ts';
import { PAPER_TABLE3, PAPER_TABLE4_AVERAGE_PSNR, PAPER_TABLE5, PAPER_TABLE7 } from './paperReference.ts';

/**
 * Turns per-slice measurements into the paper's Tables 3, 4, 5 and 7 (Markdown), a CSV of every
 * measurement, and a PSNR-vs-β plot (SVG). Pure string output; the CLI writes the files.
 */

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const fmt = (value: number | null | undefined, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? '–' : Number.isFinite(value) ? value.toFixed(digits) : '∞');

function modalities(slices: readonly SliceEvaluation[]): string[] {
  return [...new Set(slices.map((slice) => slice.modality))].sort();
}

function measurementAt(slice: SliceEvaluation, beta: number) {
  return slice.measurements.find((m) => m.beta === beta);
}

export interface BetaSummary {
  readonly modality: string;
  readonly beta: number;
  readonly meanPsnrDb: number;
  readonly meanPsnrDbRange: number;
  readonly extractedFraction: number;
  readonly embedded: number;
  readonly slices: number;
}

export function summarizeByBeta(slices: readonly SliceEvaluation[], betas: readonly number[] = PAPER_BETAS): BetaSummary[] {
  const rows: BetaSummary[] = [];
  for (const modality of modalities(slices)) {
    const group = slices.filter((slice) => slice.modality === modality);
    for (const beta of betas) {
      const measured = group.map((slice) => measurementAt(slice, beta)).filter((m) => m !== undefined);
      const embedded = measured.filter((m) => m.psnrDb !== null);
      rows.push({
        modality,
        beta,
        meanPsnrDb: mean(embedded.map((m) => m.psnrDb!).filter(Number.isFinite)),
        meanPsnrDbRange: mean(embedded.map((m) => m.psnrDbRange!).filter(Number.isFinite)),
        extractedFraction: measured.length ? measured.filter((m) => m.extracted).length / measured.length : NaN,
        embedded: embedded.length,
        slices: group.length,
      });
    }
  }
  return rows;
}

export function renderCsv(slices: readonly SliceEvaluation[]): string {
  const header = 'file,modality,rows,cols,bitsStored,backgroundFraction,capacityBits,capacityBpp,payloadBits,payloadRatio,beta,psnrDb,psnrDbRange,mse,maskNcc,extracted,errorCode';
  const lines = [header];
  for (const slice of slices) {
    const pixels = slice.rows * slice.cols;
    for (const m of slice.measurements) {
      lines.push(
        [
          JSON.stringify(slice.file),
          slice.modality,
          slice.rows,
          slice.cols,
          slice.bitsStored,
          slice.backgroundFraction.toFixed(4),
          slice.capacityBits,
          (slice.capacityBits / pixels).toFixed(4),
          slice.payloadBits,
          (slice.payloadBits / pixels).toFixed(5),
          m.beta,
          m.psnrDb === null ? '' : m.psnrDb.toFixed(3),
          m.psnrDbRange === null ? '' : m.psnrDbRange.toFixed(3),
          m.mse === null ? '' : m.mse.toFixed(6),
          m.maskNcc === null ? '' : m.maskNcc.toFixed(5),
          m.extracted ? 1 : 0,
          m.errorCode ?? '',
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(slices: readonly SliceEvaluation[], context: { command: string; segmenter: string; date: string }): string {
  const out: string[] = [];
  const summary = summarizeByBeta(slices);
  out.push('# Reproduction of Saidi et al. (2024), Tables 3, 4, 5 and 7 — `paper` profile', '');
  out.push(`Made by \`${context.command}\` on ${context.date}; segmenter \`${context.segmenter}\`; α = 0.02; payload = each slice's own identity fields as a level-H QR code.`, '');
  out.push(
    'PSNR is measured on the integers actually written to the stego DICOM, in two conventions: `psnrDb` with MAX = 2^BitsStored − 1, and `psnrDbRange` with MAX = max − min of the cover (the paper normalised by the cover\'s range, so its figures correspond to this one). The whole image (body included, which is bit-identical) enters the MSE, as in the paper.',
    '',
  );
  out.push(`Slices: ${slices.length} (${modalities(slices).map((m) => `${m}: ${slices.filter((s) => s.modality === m).length}`).join(', ')}).`, '');

  out.push('## Table 3 — mask NCC (cover vs stego) and PSNR at β = 1000', '');
  out.push('| modality | slices | mask NCC min | mask NCC mean | PSNR (MAX=2^bits−1) min / mean / max | PSNR (MAX=range) min / mean / max | extracted | paper |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const modality of modalities(slices)) {
    const at = slices.filter((s) => s.modality === modality).map((s) => measurementAt(s, 1000)).filter((m) => m !== undefined && m.psnrDb !== null);
    const ncc = at.map((m) => m!.maskNcc!).filter(Number.isFinite);
    const psnr = at.map((m) => m!.psnrDb!).filter(Number.isFinite);
    const range = at.map((m) => m!.psnrDbRange!).filter(Number.isFinite);
    out.push(
      `| ${modality} | ${at.length} | ${fmt(Math.min(...ncc), 4)} | ${fmt(mean(ncc), 4)} | ${fmt(Math.min(...psnr))} / ${fmt(mean(psnr))} / ${fmt(Math.max(...psnr))} | ${fmt(Math.min(...range))} / ${fmt(mean(range))} / ${fmt(Math.max(...range))} | ${at.filter((m) => m!.extracted).length}/${at.length} | NCC ${PAPER_TABLE3.maskNccMin}–${PAPER_TABLE3.maskNccMax}, PSNR ${PAPER_TABLE3.psnrMin}–${PAPER_TABLE3.psnrMax} dB |`,
    );
  }
  out.push('');

  out.push('## Table 4 — mean PSNR (dB) per β', '');
  out.push('| modality | convention | ' + PAPER_BETAS.map((b) => `β=${b}`).join(' | ') + ' |');
  out.push('|---|---|' + PAPER_BETAS.map(() => '---').join('|') + '|');
  for (const modality of modalities(slices)) {
    const rows = summary.filter((row) => row.modality === modality);
    out.push(`| ${modality} | MAX = 2^bits − 1 | ${rows.map((r) => fmt(r.meanPsnrDb)).join(' | ')} |`);
    out.push(`| ${modality} | MAX = cover range | ${rows.map((r) => fmt(r.meanPsnrDbRange)).join(' | ')} |`);
    out.push(`| ${modality} | extracted exactly | ${rows.map((r) => `${Math.round(r.extractedFraction * 100)}%`).join(' | ')} |`);
    const paper = PAPER_TABLE4_AVERAGE_PSNR[modality as 'CT' | 'MR'];
    if (paper) out.push(`| ${modality} | paper (Table 4) | ${paper.map((v) => fmt(v)).join(' | ')} |`);
  }
  out.push('');

  out.push('## Table 5 — capacity and payload', '');
  out.push('Capacity = bits the usable background blocks can carry (16 per fully insignificant 4×4 block) per image pixel; payload ratio = QR modules hidden per image pixel.', '');
  out.push('| modality | slices | capacity (bpp) min / mean / max | payload ratio min / mean / max | background fraction mean | paper (averages) |');
  out.push('|---|---|---|---|---|---|');
  for (const modality of modalities(slices)) {
    const group = slices.filter((s) => s.modality === modality);
    const capacity = group.map((s) => s.capacityBits / (s.rows * s.cols));
    const payload = group.filter((s) => s.payloadBits > 0).map((s) => s.payloadBits / (s.rows * s.cols));
    out.push(
      `| ${modality} | ${group.length} | ${fmt(Math.min(...capacity), 3)} / ${fmt(mean(capacity), 3)} / ${fmt(Math.max(...capacity), 3)} | ${fmt(Math.min(...payload), 4)} / ${fmt(mean(payload), 4)} / ${fmt(Math.max(...payload), 4)} | ${fmt(mean(group.map((s) => s.backgroundFraction)), 3)} | capacity ${PAPER_TABLE5.capacityAverage}, payload ${PAPER_TABLE5.payloadAverage} |`,
    );
  }
  out.push('');

  out.push('## Table 7 — comparison row', '');
  out.push('| method | image size | capacity (bpp) | payload (bits) | best PSNR (MAX = range) |');
  out.push('|---|---|---|---|---|');
  out.push(`| Saidi et al. 2024 (as published) | ${PAPER_TABLE7.imageSize} | ${PAPER_TABLE7.capacityBpp} | ${PAPER_TABLE7.payloadBits.toLocaleString('en-US')} | ${PAPER_TABLE7.bestPsnr} |`);
  const sizes = [...new Set(slices.map((s) => `${s.rows} × ${s.cols}`))];
  for (const size of sizes) {
    const group = slices.filter((s) => `${s.rows} × ${s.cols}` === size);
    const best = Math.max(...group.flatMap((s) => s.measurements.filter((m) => m.extracted).map((m) => m.psnrDbRange!)).filter(Number.isFinite));
    out.push(
      `| medstego \`paper\` profile (identity payload) | ${size} | ${fmt(mean(group.map((s) => s.capacityBits / (s.rows * s.cols))), 3)} | capacity ${Math.round(mean(group.map((s) => s.capacityBits))).toLocaleString('en-US')}; hidden ${Math.round(mean(group.map((s) => s.embeddedBits))).toLocaleString('en-US')} | ${fmt(best)} |`,
    );
  }
  out.push('');

  const failures = slices.filter((s) => !measurementAt(s, 1000)?.extracted);
  out.push('## Slices where β = 1000 did not round-trip', '');
  if (failures.length === 0) out.push('None.');
  for (const s of failures) {
    const m = measurementAt(s, 1000);
    out.push(`- \`${s.file}\` (${s.modality} ${s.rows}×${s.cols}, background ${(s.backgroundFraction * 100).toFixed(1)}%): ${m?.errorCode ?? 'not measured'}`);
  }
  out.push('');
  return out.join('\n');
}

/** PSNR vs β, one line per modality and convention, with the paper's Table 4 averages dashed. */
export function renderPsnrPlotSvg(slices: readonly SliceEvaluation[]): string {
  const summary = summarizeByBeta(slices);
  const width = 760;
  const height = 460;
  const margin = { left: 64, right: 220, top: 36, bottom: 52 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const series: Array<{ label: string; color: string; dashed: boolean; points: Array<[number, number]> }> = [];
  const colors: Record<string, string> = { CT: '#1f77b4', MR: '#d62728' };
  for (const modality of modalities(slices)) {
    const rows = summary.filter((r) => r.modality === modality);
    const color = colors[modality] ?? '#555';
    series.push({ label: `${modality} ours, MAX=range`, color, dashed: false, points: rows.filter((r) => Number.isFinite(r.meanPsnrDbRange)).map((r) => [r.beta, r.meanPsnrDbRange]) });
    series.push({ label: `${modality} ours, MAX=2^bits−1`, color, dashed: false, points: rows.filter((r) => Number.isFinite(r.meanPsnrDb)).map((r) => [r.beta, r.meanPsnrDb]) });
    const paper = PAPER_TABLE4_AVERAGE_PSNR[modality as 'CT' | 'MR'];
    if (paper) series.push({ label: `${modality} paper (Table 4)`, color, dashed: true, points: PAPER_BETAS.map((b, i) => [b, paper[i]!]) });
  }
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const yMin = Math.floor(Math.min(...ys) / 10) * 10;
  const yMax = Math.ceil(Math.max(...ys) / 10) * 10;
  const x = (beta: number) => margin.left + (beta / 1000) * plotWidth;
  const y = (psnr: number) => margin.top + (1 - (psnr - yMin) / (yMax - yMin || 1)) * plotHeight;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  parts.push(`<text x="${margin.left}" y="20" font-size="14">PSNR vs β, paper profile (α = 0.02), mean over slices</text>`);
  for (let v = yMin; v <= yMax; v += 10) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${margin.left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  for (const beta of PAPER_BETAS) parts.push(`<text x="${x(beta)}" y="${margin.top + plotHeight + 18}" text-anchor="middle">${beta}</text>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">β</text>`);
  parts.push(`<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">PSNR (dB)</text>`);
  series.forEach((s, index) => {
    if (s.points.length === 0) return;
    const path = s.points.map(([b, p], i) => `${i ? 'L' : 'M'}${x(b).toFixed(1)},${y(p).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : s.label.includes('2^bits') ? ' stroke-dasharray="2 3"' : '';
    parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    const ly = margin.top + 10 + index * 20;
    parts.push(`<line x1="${width - margin.right + 12}" x2="${width - margin.right + 40}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/><text x="${width - margin.right + 46}" y="${ly + 4}">${s.label}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

import type { SliceEvaluation } from './SliceEvaluation.ts';
import { PAPER_TABLE4_AVERAGE_PSNR } from './paperReference.ts';
import { PAPER_BETAS } from './measurePaperProfile.ts';
import { betasOf, byModality, defaultMeasurement, finite, mean, modalities, summarizeByBeta } from './summarizeEvaluation.ts';
import { renderLineChartSvg, type ChartSeries } from './svgChart.ts';

const MODALITY_COLORS: Record<string, string> = { CT: '#1f77b4', MR: '#d62728' };
const PROFILE_COLORS = { fidelity: '#2ca02c', robust: '#9467bd' } as const;

/**
 * PSNR vs β (MAX = range, the paper's convention): `paper` per modality, the paper's Table 4 dashed,
 * and the keyed profiles, which have no β, as flat lines at their mean.
 */
export function renderPsnrPlotSvg(slices: readonly SliceEvaluation[]): string {
  const betas = betasOf(slices);
  const xDomain: [number, number] = [0, Math.max(1000, ...betas)];
  const summary = summarizeByBeta(slices, betas);
  const series: ChartSeries[] = [];
  for (const modality of modalities(slices)) {
    const color = MODALITY_COLORS[modality] ?? '#555';
    const rows = summary.filter((r) => r.modality === modality && Number.isFinite(r.meanPsnrDbRange));
    if (rows.length) series.push({ label: `${modality} paper profile`, color, style: 'solid', points: rows.map((r) => [r.beta, r.meanPsnrDbRange] as const) });
    const published = PAPER_TABLE4_AVERAGE_PSNR[modality as 'CT' | 'MR'];
    if (published) series.push({ label: `${modality} paper, published (Table 4)`, color, style: 'dashed', points: PAPER_BETAS.map((b, i) => [b, published[i]!] as const) });
    for (const profile of ['fidelity', 'robust'] as const) {
      const psnr = mean(finite(byModality(slices, modality).map((s) => defaultMeasurement(s, profile)?.psnrDbRange)));
      if (Number.isFinite(psnr)) series.push({ label: `${modality} ${profile} (no β)`, color: PROFILE_COLORS[profile], style: modality === 'CT' ? 'solid' : 'dotted', points: [[xDomain[0], psnr], [xDomain[1], psnr]] });
    }
  }
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const yMin = Math.floor(Math.min(...ys, 60) / 10) * 10;
  const yMax = Math.ceil(Math.max(...ys, 70) / 10) * 10;
  const yTicks: number[] = [];
  for (let v = yMin; v <= yMax; v += 10) yTicks.push(v);
  return renderLineChartSvg(series, {
    title: 'PSNR (MAX = cover range) vs β, mean over slices',
    xLabel: 'β (paper profile)',
    yLabel: 'PSNR (dB)',
    xDomain,
    yDomain: [yMin, yMax],
    xTicks: PAPER_BETAS,
    yTicks,
  });
}

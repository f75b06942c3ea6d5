import type { SliceEvaluation } from './SliceEvaluation.ts';
import { PAPER_TABLE3 } from './paperReference.ts';
import { MASK_NCC_TARGET } from './renderMarkdown.ts';
import { defaultMeasurement, finite, modalities, profilesOf } from './summarizeEvaluation.ts';
import { renderLineChartSvg, type ChartSeries } from './svgChart.ts';

const PROFILE_COLORS = { paper: '#1f77b4', fidelity: '#2ca02c', robust: '#9467bd' } as const;

/**
 * Issue 5's mask-stability figure: cover vs stego mask NCC of every slice, per profile and
 * modality, sorted (so the left end is the worst slice), with the 0.99 target and the paper's
 * minimum (0.83) as reference lines.
 */
export function renderMaskNccPlotSvg(slices: readonly SliceEvaluation[]): string {
  const series: ChartSeries[] = [];
  let lowest = 1;
  for (const modality of modalities(slices)) {
    for (const profile of profilesOf(slices)) {
      const values = finite(slices.filter((s) => s.modality === modality).map((s) => defaultMeasurement(s, profile)?.maskNcc)).sort((a, b) => a - b);
      if (values.length === 0) continue;
      lowest = Math.min(lowest, values[0]!);
      const points = values.map((v, i) => [values.length === 1 ? 0.5 : i / (values.length - 1), v] as const);
      series.push({ label: `${modality} ${profile} (${values.length} slices)`, color: PROFILE_COLORS[profile], style: modality === 'CT' ? 'solid' : 'dotted', points });
    }
  }
  series.push({ label: `target ${MASK_NCC_TARGET} (issue 5)`, color: '#000', style: 'dashed', points: [[0, MASK_NCC_TARGET], [1, MASK_NCC_TARGET]] });
  series.push({ label: `paper's minimum ${PAPER_TABLE3.maskNccMin}`, color: '#ff7f0e', style: 'dashed', points: [[0, PAPER_TABLE3.maskNccMin], [1, PAPER_TABLE3.maskNccMin]] });
  const yMin = Math.min(0.8, Math.floor(lowest * 20) / 20);
  const yTicks: number[] = [];
  for (let v = yMin; v <= 1.0001; v += 0.05) yTicks.push(Math.round(v * 100) / 100);
  return renderLineChartSvg(series, {
    title: 'Mask stability: NCC of cover and stego masks, slices sorted',
    xLabel: 'fraction of slices (worst first)',
    yLabel: 'mask NCC',
    xDomain: [0, 1],
    yDomain: [yMin, 1.005],
    xTicks: [0, 0.25, 0.5, 0.75, 1],
    yTicks,
    yTickDigits: 2,
  });
}

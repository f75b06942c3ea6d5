import type { EvaluationProfile, ProfileMeasurement, SliceEvaluation } from './SliceEvaluation.ts';
import { EVALUATION_PROFILES } from './SliceEvaluation.ts';
import { PAPER_BETAS, comparedPaperBeta } from './measurePaperProfile.ts';

/**
 * Small aggregation helpers shared by the Markdown, CSV and SVG renderers. "Default" is the setting
 * each profile is compared at: β = 1000 for `paper` (the paper's Table 3; else the largest β run),
 * the defaults otherwise.
 */

/** The robust profile's targets are stated for slices with at least this insignificant fraction. */
export const ROBUST_TARGET_BACKGROUND = 0.3;

export const mean = (values: readonly number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
export const minimum = (values: readonly number[]): number => (values.length ? Math.min(...values) : NaN);
export const maximum = (values: readonly number[]): number => (values.length ? Math.max(...values) : NaN);

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Finite numbers only (refused settings are null; a lossless "embedding" has infinite PSNR). */
export function finite(values: ReadonlyArray<number | null | undefined>): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

export function modalities(slices: readonly SliceEvaluation[]): string[] {
  return [...new Set(slices.map((slice) => slice.modality))].sort();
}

export function profilesOf(slices: readonly SliceEvaluation[]): EvaluationProfile[] {
  const present = new Set(slices.flatMap((slice) => slice.measurements.map((m) => m.profile)));
  return EVALUATION_PROFILES.filter((profile) => present.has(profile));
}

export function byModality(slices: readonly SliceEvaluation[], modality: string): SliceEvaluation[] {
  return slices.filter((slice) => slice.modality === modality);
}

/** The measurement a profile is compared at on this slice, if it was run. */
export function defaultMeasurement(slice: SliceEvaluation, profile: EvaluationProfile): ProfileMeasurement | undefined {
  const own = slice.measurements.filter((m) => m.profile === profile);
  if (profile !== 'paper') return own[0];
  const beta = comparedPaperBeta(own.map((m) => m.beta!));
  return own.find((m) => m.beta === beta);
}

export function measurementAtBeta(slice: SliceEvaluation, beta: number): ProfileMeasurement | undefined {
  return slice.measurements.find((m) => m.profile === 'paper' && m.beta === beta);
}

/** β values present in the evaluation, in the paper's order. */
export function betasOf(slices: readonly SliceEvaluation[]): number[] {
  const present = new Set(slices.flatMap((slice) => slice.measurements.filter((m) => m.profile === 'paper').map((m) => m.beta!)));
  return [...PAPER_BETAS.filter((b) => present.has(b)), ...[...present].filter((b) => !PAPER_BETAS.includes(b)).sort((a, b) => a - b)];
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

/** The `paper` profile per modality and β (Table 4). */
export function summarizeByBeta(slices: readonly SliceEvaluation[], betas: readonly number[] = betasOf(slices)): BetaSummary[] {
  const rows: BetaSummary[] = [];
  for (const modality of modalities(slices)) {
    const group = byModality(slices, modality);
    for (const beta of betas) {
      const measured = group.map((slice) => measurementAtBeta(slice, beta)).filter((m) => m !== undefined);
      const embedded = measured.filter((m) => m.psnrDb !== null);
      rows.push({
        modality,
        beta,
        meanPsnrDb: mean(finite(embedded.map((m) => m.psnrDb))),
        meanPsnrDbRange: mean(finite(embedded.map((m) => m.psnrDbRange))),
        extractedFraction: measured.length ? measured.filter((m) => m.extracted).length / measured.length : NaN,
        embedded: embedded.length,
        slices: group.length,
      });
    }
  }
  return rows;
}

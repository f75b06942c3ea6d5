export { evaluateSlice, PAPER_BETAS, type SliceEvaluation, type BetaMeasurement } from './evaluateSlice.ts';
export { renderMarkdown, renderCsv, renderPsnrPlotSvg, summarizeByBeta, type BetaSummary } from './renderEvaluation.ts';

/**
 * The mean squared error that gives `psnrDb` in the range convention (MAX = max − min of the cover,
 * DESIGN §3): MSE = range² / 10^(PSNR/10).
 */
export function mseForRangePsnr(range: number, psnrDb: number): number {
  return (range * range) / 10 ** (psnrDb / 10);
}

/**
 * Figures published by Saidi et al. (2024), copied from the paper's tables, to print beside ours.
 * Their PSNR was computed on a cover stretched to [0, 65535], i.e. with MAX = the cover's range in
 * stored units (DESIGN §3): compare with our `psnrDbRange`.
 */
export const PAPER_TABLE4_AVERAGE_PSNR: Readonly<Record<'CT' | 'MR', readonly number[]>> = {
  // β = 10, 100, 200, ..., 1000
  CT: [74.4958, 95.4314, 95.7138, 104.3494, 107.0938, 109.155, 110.7842, 112.49, 113.6364, 114.7446, 115.5788],
  MR: [70.2268, 91.0632, 97.1324, 100.655, 103.1998, 105.1404, 106.6804, 108.0844, 109.2256, 110.3362, 111.1628],
};

/** Table 3: mask NCC 0.83–1.00; PSNR 107.47–117.4 dB at β = 1000, α = 0.02. */
export const PAPER_TABLE3 = { maskNccMin: 0.83, maskNccMax: 1.0, psnrMin: 107.47, psnrMax: 117.4 };

/** Table 5: capacity (bpp) and payload ratio, averages. */
export const PAPER_TABLE5 = { capacityAverage: 0.54, payloadAverage: 0.05 };

/** Table 7: the proposed method's row. */
export const PAPER_TABLE7 = { imageSize: '512 × 512', capacityBpp: 0.5, payloadBits: 131524, bestPsnr: 115.53 };

/** Table 6: retrieved-QR NCC and attack PSNR (range convention) per noise, one stego image. */
export const PAPER_TABLE6: Readonly<Record<'gaussian' | 'uniform' | 'saltpepper', { readonly ncc: number; readonly psnrDb: number }>> = {
  gaussian: { ncc: 0.3188, psnrDb: 53.36 },
  uniform: { ncc: 0.315, psnrDb: 53.33 },
  saltpepper: { ncc: 0.3193, psnrDb: 53.39 },
};

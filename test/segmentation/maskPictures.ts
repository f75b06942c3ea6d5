/** Test helpers: masks drawn as pictures ('#' = 1, anything else = 0) and back. */
export function parseMask(picture: string[]): { mask: Uint8Array; rows: number; cols: number } {
  const rows = picture.length;
  const cols = picture[0]!.length;
  const mask = new Uint8Array(rows * cols);
  picture.forEach((line, y) => {
    for (let x = 0; x < cols; x++) mask[y * cols + x] = line[x] === '#' ? 1 : 0;
  });
  return { mask, rows, cols };
}

export function drawMask(mask: ArrayLike<number>, cols: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < mask.length; i += cols) {
    let line = '';
    for (let x = 0; x < cols; x++) line += mask[i + x] ? '#' : '.';
    lines.push(line);
  }
  return lines;
}

/** Small deterministic PRNG (mulberry32) so random cases are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

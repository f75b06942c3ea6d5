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

export { seededRandom } from '../helpers/seededRandom.ts';

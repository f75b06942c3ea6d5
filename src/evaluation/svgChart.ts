/**
 * A minimal line chart in SVG (axes, grid, legend), enough for the evaluation's figures without a
 * plotting dependency. Pure string output.
 */
export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  /** 'solid', 'dashed' (published figures) or 'dotted' (a second convention / reference line). */
  readonly style: 'solid' | 'dashed' | 'dotted';
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** Draw the points as dots instead of a line. */
  readonly markers?: boolean;
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  readonly yTickDigits?: number;
}

const DASH: Record<ChartSeries['style'], string> = { solid: '', dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="2 3"' };

export function renderLineChartSvg(series: readonly ChartSeries[], options: ChartOptions): string {
  const width = 820;
  const height = 480;
  const margin = { left: 64, right: 260, top: 36, bottom: 52 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const [x0, x1] = options.xDomain;
  const [y0, y1] = options.yDomain;
  const x = (v: number) => margin.left + ((v - x0) / (x1 - x0 || 1)) * plotWidth;
  const y = (v: number) => margin.top + (1 - (v - y0) / (y1 - y0 || 1)) * plotHeight;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  parts.push(`<text x="${margin.left}" y="20" font-size="14">${escapeXml(options.title)}</text>`);
  for (const v of options.yTicks) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${margin.left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(options.yTickDigits ?? 0)}</text>`);
  }
  for (const v of options.xTicks) parts.push(`<text x="${x(v).toFixed(1)}" y="${margin.top + plotHeight + 18}" text-anchor="middle">${v}</text>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  series.forEach((s, index) => {
    if (s.points.length === 0) return;
    if (s.markers) {
      for (const [px, py] of s.points) parts.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="2.5" fill="${s.color}"/>`);
    } else {
      const path = s.points.map(([px, py], i) => `${i ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
      parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${DASH[s.style]}/>`);
    }
    const ly = margin.top + 10 + index * 20;
    const lx = width - margin.right + 12;
    parts.push(
      s.markers
        ? `<circle cx="${lx + 14}" cy="${ly}" r="3" fill="${s.color}"/>`
        : `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${DASH[s.style]}/>`,
    );
    parts.push(`<text x="${lx + 34}" y="${ly + 4}">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

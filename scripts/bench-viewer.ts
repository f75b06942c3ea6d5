// `npm run bench:viewer`: time the viewer in headless Chromium on the bundled CT series, from the
// performance entries the extension records (scripts never parse the panel's text): click on
// Segment → mask drawn as a labelmap, the segmenter alone, embedDicom in the browser, and click on
// Embed → stego image drawn. Writes the "viewer" section of docs/BENCHMARKS.md.
import { launchBrowser, openMode, startViewer, CHROMIUM_ARGS } from '../test/e2e/viewerHarness.ts';
import { benchmarkSection, describeCpus, loadAverage, measuredOn, median, writeBenchmarkSection } from './benchSupport.ts';

const RUNS = 5;

const running = await startViewer();
const browser = await launchBrowser();
const chromiumVersion = browser.version();
const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
await openMode(page, running);
await page.fill('[data-cy=medstego-key]', 'benchmark passphrase');
const idle = () => page.waitForFunction(() => document.querySelector('[data-cy=medstego-panel]')?.getAttribute('data-busy') === 'false', undefined, { timeout: 120_000 });
const measures = (name: string) => page.evaluate((entry) => performance.getEntriesByName(entry).map((measure) => measure.duration), name);

let segmenter = '';
for (let run = 0; run < RUNS; run++) {
  await idle();
  await page.click('[data-cy=MedstegoSegment]');
  await idle();
  segmenter = /\((\w+) segmenter/.exec((await page.textContent('[data-cy=medstego-status]')) ?? '')?.[1] ?? '?';
  await idle();
  await page.click('[data-cy=MedstegoEmbed]');
  await idle();
  const error = await page.textContent('[data-cy=medstego-error]');
  if (error) throw new Error(`viewer error: ${error}`);
  // Back to the cover for the next run.
  await page.evaluate(() => {
    const grid = (window as any).services.viewportGridService;
    grid.setActiveViewportId([...grid.getState().viewports.keys()][0]);
  });
}
const figures = {
  segmentShown: median(await measures('medstego:segment')),
  segmentCompute: median(await measures('medstego:segment:compute')),
  embed: median(await measures('medstego:embed')),
  embedShown: median(await measures('medstego:embed:shown')),
};
const profile = await page.$eval('[data-cy=medstego-profile]', (select) => (select as HTMLSelectElement).value);
await browser.close();
await running.close();

const load = loadAverage().toFixed(1);
const ms = (value: number) => `${Math.round(value)} ms`;
const section = benchmarkSection('viewer', 'npm run bench:viewer', 'scripts/bench-viewer.ts', [
  '## Viewer: OHIF 3.13.2 + medstego in headless Chromium',
  '',
  `Measured ${measuredOn()} with \`npm run bench:viewer\`: Chromium ${chromiumVersion} (\`${CHROMIUM_ARGS.join(' ')}\`, so WebGL is software-rendered and onnxruntime-web would run on WASM), ${describeCpus()} shared with other work (1-minute load average ${load} at the end), a 512×512 slice of the bundled CT series, \`${segmenter}\` segmenter, \`${profile}\` profile; median of ${RUNS} runs, first run included.`,
  '',
  '| step | median |',
  '|---|---|',
  `| click on Segment → mask drawn as a labelmap | ${ms(figures.segmentShown)} |`,
  `| … of which the segmenter | ${ms(figures.segmentCompute)} |`,
  `| embed in the browser (\`embedDicom\`: read, embed, self-check extraction, write) | ${ms(figures.embed)} |`,
  `| click on Embed → stego image drawn beside the cover | ${ms(figures.embedShown)} |`,
  '',
  'Most of the click-to-mask time is drawing, not computing: with `--disable-gpu` every render of a viewport copies a software-WebGL canvas (profiled: `drawImage` in cornerstone\'s `_copyToOnscreenCanvas`), up to a second per frame on this loaded machine; with hardware WebGL that copy is far cheaper (not measured here).',
]);
writeBenchmarkSection('viewer', section);
console.log(section);

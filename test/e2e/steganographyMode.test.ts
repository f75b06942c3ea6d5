// End to end in Debian's Chromium: the OHIF viewer with the medstego extension and mode, on the
// bundled samples. One browser session walks the user's path (open, Segment, brush, Embed, Export,
// Reveal with the right and a wrong key); the CLI checks the browser's output and vice versa.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openMode, screenshot, startViewer, type RunningViewer, clickTool, panelText, openViewerPage } from './viewerHarness.ts';
import { REPO_ROOT, runCli, temporaryDirectory } from '../helpers/runCli.ts';
import { decodePng } from '../../src/png/index.ts';
import { intersectionOverUnion } from '../../src/metrics/index.ts';
import { readDicom } from '../../src/dicom/index.ts';

const KEY = 'correct horse battery staple';
const WRONG_KEY = 'not the right passphrase';
const work = temporaryDirectory('medstego-e2e-');
const keyFile = path.join(work, 'key.txt');
writeFileSync(keyFile, KEY);
const cliStudies = path.join(work, 'cli-stego');

let running: RunningViewer;
let browser: Browser;
let page: Page;
let foreignRequests: string[];

/** The labelmap of the active viewport's image as a 0/1 mask, with the image's id. */
async function shownMask(): Promise<{ imageId: string; mask: Uint8Array }> {
  const { imageId, bits } = await page.evaluate(() => {
    const w = window as any;
    const services = w.services;
    const viewport = services.cornerstoneViewportService.getCornerstoneViewport(services.viewportGridService.getActiveViewportId());
    const imageId: string = viewport.getCurrentImageId();
    const segmentation = services.segmentationService.getSegmentations().find((candidate: any) => candidate.label === 'medstego body mask');
    if (!segmentation) return { imageId, bits: '' };
    const labelmapId = w.cornerstoneTools.segmentation.getLabelmapImageIdsForImageId(imageId, segmentation.segmentationId)[0];
    const scalars = w.cornerstone.cache.getImage(labelmapId).voxelManager.getScalarData();
    let text = '';
    for (let i = 0; i < scalars.length; i++) text += scalars[i] ? '1' : '0';
    return { imageId, bits: text };
  });
  return { imageId, mask: Uint8Array.from(bits, (bit) => (bit === '1' ? 1 : 0)) };
}

function samplePathOf(imageId: string): string {
  const match = /^dicomweb:\/samples\/(.+)$/.exec(imageId);
  assert.ok(match, `the active image is a bundled sample (${imageId})`);
  return path.join(REPO_ROOT, 'samples', match[1]!);
}

before(async () => {
  // A stego file made by the CLI, served as a study of its own, for the CLI → viewer direction.
  mkdirSync(cliStudies, { recursive: true });
  const embedded = await runCli(['embed', path.join(REPO_ROOT, 'samples/ct/tcga-thca-1-119.dcm'), '-o', path.join(cliStudies, 'tcga-thca-1-119-stego.dcm'), '--key-file', keyFile, '--segmenter', 'threshold', '--json']);
  assert.equal(embedded.exitCode, 0, embedded.stderr.join('\n'));
  running = await startViewer(cliStudies);
  ({ browser, page, foreignRequests } = await openViewerPage(running));
});

after(async () => {
  await browser?.close();
  await running?.close();
});

test('the Steganography mode opens on the sample study with its buttons and panel', async () => {
  await openMode(page, running);
  for (const id of ['MedstegoSegment', 'MedstegoEmbed', 'MedstegoExport', 'MedstegoReveal']) assert.ok(await page.isVisible(`[data-cy=${id}]`), `${id} button`);
  assert.ok(await page.isVisible('[data-cy=medstego-key]'), 'key field');
  await screenshot(page, '01-mode-open');
});

test('Segment shows a labelmap that agrees with `medstego segment` on the same slice', async () => {
  await clickTool(page, 'MedstegoSegment');
  assert.equal(await panelText(page, 'medstego-error'), '');
  const status = await panelText(page, 'medstego-status');
  const segmenter = /Mask shown \d+ ms after the click \((\w+) segmenter/.exec(status)?.[1];
  assert.ok(segmenter, status);
  const { imageId, mask } = await shownMask();
  const masks = path.join(work, 'masks');
  // The same segmenter as the viewer's, through the CLI on the same file.
  const cli = await runCli(['segment', samplePathOf(imageId), '--mask-out', masks, '--segmenter', segmenter, '--json']);
  assert.equal(cli.exitCode, 0, cli.stderr.join('\n'));
  const png = decodePng(new Uint8Array(readFileSync(cli.json[0]!.maskOut as string)));
  const cliMask = Uint8Array.from(png.data, (value) => (value ? 1 : 0));
  assert.equal(mask.length, cliMask.length);
  const iou = intersectionOverUnion(mask, cliMask);
  assert.ok(iou >= 0.95, `IoU viewer vs CLI ${iou}`);
  assert.ok(mask.some((bit) => bit === 1) && mask.some((bit) => bit === 0), 'the mask has body and background');
  await screenshot(page, '02-segmented');
});

test('a brush stroke changes the labelmap', async () => {
  const before = (await shownMask()).mask;
  await page.evaluate(() => (window as any).commandsManager.runCommand('setToolActiveToolbar', { toolName: 'CircularBrush', toolGroupIds: ['default'] }));
  // Paint along image row 40 (air above the chest), converted to page coordinates by cornerstone.
  const points = await page.evaluate(() => {
    const w = window as any;
    const services = w.services;
    const viewport = services.cornerstoneViewportService.getCornerstoneViewport(services.viewportGridService.getActiveViewportId());
    const imageId = viewport.getCurrentImageId();
    const box = viewport.element.getBoundingClientRect();
    return [180, 230, 280, 330].map((column) => {
      const world = w.cornerstone.utilities.imageToWorldCoords(imageId, [column, 40]);
      const [x, y] = viewport.worldToCanvas(world);
      return { x: box.left + x, y: box.top + y };
    });
  });
  // Few mouse events: each one re-renders the viewport, which is slow with software WebGL.
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  await page.mouse.move(points[3]!.x, points[3]!.y, { steps: 3 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  const after = (await shownMask()).mask;
  const cols = Math.round(Math.sqrt(after.length));
  let changed = 0;
  for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) changed++;
  assert.ok(changed > 0, 'the brush changed labelmap pixels');
  assert.equal(before[40 * cols + 180], 0, 'row 40 was background before the stroke');
  assert.equal(after[40 * cols + 180], 1, 'the stroke painted body where it started');
  await page.evaluate(() => (window as any).commandsManager.runCommand('setToolActiveToolbar', { toolName: 'WindowLevel', toolGroupIds: ['default'] }));
  await screenshot(page, '03-brushed');
});

test('Embed with the corrected mask, Export, and `medstego extract` recovers the identity', async () => {
  await page.fill('[data-cy=medstego-key]', KEY);
  const { imageId } = await shownMask();
  await clickTool(page, 'MedstegoEmbed');
  assert.equal(await panelText(page, 'medstego-error'), '');
  const results = await panelText(page, 'medstego-results');
  assert.match(results, /as shown \(labelmap\)/);
  assert.match(results, /PSNR\d+\.\d dB/);
  await page.waitForTimeout(1000);
  await screenshot(page, '04-embedded');

  const download = page.waitForEvent('download');
  await clickTool(page, 'MedstegoExport');
  const file = path.join(work, (await download).suggestedFilename());
  await (await download).saveAs(file);
  const extracted = await runCli(['extract', file, '--key-file', keyFile, '--segmenter', 'threshold', '--json']);
  assert.equal(extracted.exitCode, 0, extracted.stderr.join('\n'));
  const cover = await readDicom(new Uint8Array(readFileSync(samplePathOf(imageId))));
  assert.equal(extracted.json[0]!.payload.PatientName, cover.getString('PatientName'));
  assert.equal(extracted.json[0]!.payload.PatientID, cover.getString('PatientID'));
  copyFileSync(file, path.join(work, 'viewer-stego.dcm'));
});

test('Reveal on the stego image: the right key shows the patient name, a wrong key an error', async () => {
  const stegoViewport = await page.evaluate(() => {
    const grid = (window as any).services.viewportGridService;
    return [...grid.getState().viewports.keys()].find((id) => id !== grid.getActiveViewportId());
  });
  await page.evaluate((id) => (window as any).services.viewportGridService.setActiveViewportId(id), stegoViewport);
  await clickTool(page, 'MedstegoReveal');
  assert.equal(await panelText(page, 'medstego-error'), '');
  const cover = await readDicom(new Uint8Array(readFileSync(path.join(REPO_ROOT, 'samples/ct-series/lung-pet-ct-dx-1-12.dcm'))));
  assert.ok((await panelText(page, 'medstego-revealed-fields')).includes(cover.getString('PatientName')!), 'patient name revealed');
  await page.click('[data-cy=medstego-show-qr]');
  assert.ok(await page.isVisible('[data-cy=medstego-qr]'), 'QR image on request');
  await screenshot(page, '05-revealed');

  await page.fill('[data-cy=medstego-key]', WRONG_KEY);
  await clickTool(page, 'MedstegoReveal');
  assert.match(await panelText(page, 'medstego-error'), /Wrong key/);
  assert.equal(await page.isVisible('[data-cy=medstego-revealed-fields]'), false, 'nothing revealed with a wrong key');
  await screenshot(page, '06-wrong-key');
});

test('a stego file made by `medstego embed` reveals in the viewer', async () => {
  await openMode(page, running, running.viewer.studiesModePath());
  await page.fill('[data-cy=medstego-key]', KEY);
  await clickTool(page, 'MedstegoReveal');
  assert.equal(await panelText(page, 'medstego-error'), '');
  const cover = await readDicom(new Uint8Array(readFileSync(path.join(REPO_ROOT, 'samples/ct/tcga-thca-1-119.dcm'))));
  assert.ok((await panelText(page, 'medstego-revealed-fields')).includes(cover.getString('PatientName')!), 'patient name revealed');
  await screenshot(page, '07-cli-file-revealed');
});

test('no request left the page origin', () => {
  assert.deepEqual(foreignRequests, []);
});

// End to end with a real PACS: Debian's Orthanc and its DICOMweb plugin (in its own network
// namespace, reached through the viewer server's same-origin /dicom-web/ proxy), the bundled samples
// uploaded to it, the Steganography mode opened on the `dicomweb` data source. Segment → Embed →
// Export stores the stego instance back by STOW-RS; Orthanc then holds it, and `medstego extract`
// recovers the identity from the stored file; Reveal works on the stego image read back by WADO-RS.
// Orthanc missing or not starting fails this test (setup.mjs installs it), it never skips.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openMode, screenshot, startViewer, type RunningViewer, clickTool, panelText, openViewerPage } from './viewerHarness.ts';
import { REPO_ROOT, runCli, temporaryDirectory } from '../helpers/runCli.ts';
import { startOrthanc, type RunningOrthanc } from '../../scripts/viewer/startOrthanc.ts';
import { readDicom } from '../../src/dicom/index.ts';

const KEY = 'correct horse battery staple';
const work = temporaryDirectory('medstego-pacs-e2e-');
const keyFile = path.join(work, 'key.txt');
writeFileSync(keyFile, KEY);

let orthanc: RunningOrthanc;
let running: RunningViewer;
let browser: Browser;
let page: Page;
let foreignRequests: string[];
/** Set by the Export test, read by the Reveal test. */
let stego: { sopInstanceUid: string; seriesInstanceUid: string; coverFile: string } | undefined;

async function activeImageId(): Promise<string> {
  return page.evaluate(() => {
    const services = (window as any).services;
    return services.cornerstoneViewportService.getCornerstoneViewport(services.viewportGridService.getActiveViewportId()).getCurrentImageId();
  });
}

/** The sample file with this SOP Instance UID (the cover shown in the viewer). */
async function sampleWithSopInstanceUid(sopInstanceUid: string): Promise<string> {
  const files = ['ct', 'ct-series', 'mr'].flatMap((folder) => readdirSync(path.join(REPO_ROOT, 'samples', folder)).map((name) => path.join(REPO_ROOT, 'samples', folder, name)));
  for (const file of files) if ((await readDicom(new Uint8Array(readFileSync(file)))).sopInstanceUid === sopInstanceUid) return file;
  assert.fail(`no sample has SOP Instance UID ${sopInstanceUid}`);
}

/** Orthanc's QIDO-RS answer for one SOP Instance UID (through its socket, not the browser's proxy). */
async function qidoInstances(sopInstanceUid: string): Promise<Array<Record<string, { Value?: unknown[] }>>> {
  const answer = await orthanc.request('GET', `/dicom-web/instances?SOPInstanceUID=${sopInstanceUid}`, undefined, { Accept: 'application/dicom+json' });
  assert.equal(answer.status, 200, `QIDO-RS status ${answer.status}`);
  return answer.body.length ? JSON.parse(answer.body.toString('utf8')) : [];
}

before(async () => {
  // Fails (never skips) with Orthanc's, unshare's or the installer's own words when it cannot run.
  orthanc = await startOrthanc({ repoRoot: REPO_ROOT, isolation: 'required' });
  assert.equal(await orthanc.uploadFolder(path.join(REPO_ROOT, 'samples')), 9, 'the nine bundled samples are in Orthanc');
  running = await startViewer(undefined, { dicomWeb: orthanc.upstream });
  ({ browser, page, foreignRequests } = await openViewerPage(running));
});

after(async () => {
  await browser?.close();
  await running?.close();
  await orthanc?.close();
});

test('Orthanc runs in its own network namespace and answers only through the viewer origin', async () => {
  assert.equal(orthanc.isolated, true);
  const studies = await fetch(`${running.origin}/dicom-web/studies`, { headers: { Accept: 'application/dicom+json' } });
  assert.equal(studies.status, 200);
  assert.equal(((await studies.json()) as unknown[]).length, 4, 'the four sample studies, by QIDO-RS through the proxy');
  // Orthanc's own REST API stays behind the proxy.
  assert.notEqual((await fetch(`${running.origin}/instances`)).headers.get('content-type'), 'application/json');
});

test('the mode opens the sample study from the dicomweb data source (WADO-RS images)', async () => {
  await openMode(page, running, running.viewer.dicomWebModePath());
  const imageId = await activeImageId();
  assert.match(imageId, /^wadors:.*\/dicom-web\/studies\/[0-9.]+\/series\/[0-9.]+\/instances\/[0-9.]+\/frames\/1$/);
  await screenshot(page, 'pacs-01-open');
});

test('Segment, Embed and Export on a WADO-RS image store the stego instance in Orthanc by STOW-RS', async () => {
  await clickTool(page, 'MedstegoSegment');
  assert.equal(await panelText(page, 'medstego-error'), '');
  assert.match(await panelText(page, 'medstego-status'), /Mask shown/);

  await page.fill('[data-cy=medstego-key]', KEY);
  const coverImageId = await activeImageId();
  const coverSop = /\/instances\/([0-9.]+)\/frames\//.exec(coverImageId)![1]!;
  await clickTool(page, 'MedstegoEmbed');
  assert.equal(await panelText(page, 'medstego-error'), '');
  assert.match(await panelText(page, 'medstego-results'), /PSNR\d+\.\d dB/);

  const download = page.waitForEvent('download');
  await clickTool(page, 'MedstegoExport');
  assert.equal(await panelText(page, 'medstego-error'), '');
  assert.match(await panelText(page, 'medstego-status'), /stored it in the PACS \(STOW-RS, HTTP 200/);
  const downloaded = path.join(work, (await download).suggestedFilename());
  await (await download).saveAs(downloaded);
  const stegoSop = /^medstego-([0-9.]+)\.dcm$/.exec(path.basename(downloaded))![1]!;
  await screenshot(page, 'pacs-02-exported');

  // Orthanc holds a new instance with the stego SOP Instance UID, byte for byte the exported file.
  const found = await qidoInstances(stegoSop);
  assert.equal(found.length, 1, 'QIDO-RS finds the stego instance');
  const lookup = await orthanc.request('POST', '/tools/lookup', new TextEncoder().encode(stegoSop));
  const orthancId = (JSON.parse(lookup.body.toString('utf8')) as Array<{ ID: string; Type: string }>).find((entry) => entry.Type === 'Instance')?.ID;
  assert.ok(orthancId, 'Orthanc knows the instance');
  const stored = await orthanc.request('GET', `/instances/${orthancId}/file`);
  assert.equal(stored.status, 200);
  assert.deepEqual(new Uint8Array(stored.body), new Uint8Array(readFileSync(downloaded)), 'the stored instance is the exported file');
  const storedFile = path.join(work, 'stored-stego.dcm');
  writeFileSync(storedFile, stored.body);

  const extracted = await runCli(['extract', storedFile, '--key-file', keyFile, '--segmenter', 'threshold', '--json']);
  assert.equal(extracted.exitCode, 0, extracted.stderr.join('\n'));
  const coverFile = await sampleWithSopInstanceUid(coverSop);
  const cover = await readDicom(new Uint8Array(readFileSync(coverFile)));
  assert.equal(extracted.json[0]!.payload.PatientName, cover.getString('PatientName'));
  assert.equal(extracted.json[0]!.payload.PatientID, cover.getString('PatientID'));
  const stegoSlice = await readDicom(new Uint8Array(stored.body));
  assert.equal(stegoSlice.getString('StudyInstanceUID'), cover.getString('StudyInstanceUID'), 'stored in the cover study');
  stego = { sopInstanceUid: stegoSop, seriesInstanceUid: stegoSlice.seriesInstanceUid, coverFile };
});

test('Reveal on the stored stego image, read back over WADO-RS, shows the patient name', async () => {
  assert.ok(stego, 'the Export test stored a stego instance');
  // A fresh page load: the study now has the stego series, served by Orthanc.
  await openMode(page, running, running.viewer.dicomWebModePath());
  const displaySetUid = await page.waitForFunction(
    (seriesUid) => (window as any).services.displaySetService.getActiveDisplaySets().find((set: any) => set.SeriesInstanceUID === seriesUid)?.displaySetInstanceUID,
    stego.seriesInstanceUid,
    { timeout: 30_000, polling: 250 },
  );
  await page.evaluate((uid) => {
    const grid = (window as any).services.viewportGridService;
    grid.setDisplaySetsForViewports([{ viewportId: grid.getActiveViewportId(), displaySetInstanceUIDs: [uid] }]);
  }, await displaySetUid.jsonValue());
  await page.waitForFunction(
    (sop) => {
      try {
        const services = (window as any).services;
        const imageId: string = services.cornerstoneViewportService.getCornerstoneViewport(services.viewportGridService.getActiveViewportId()).getCurrentImageId();
        return imageId.includes(`/instances/${sop}/`) && Boolean((window as any).cornerstone.cache.getImage(imageId));
      } catch {
        return false;
      }
    },
    stego.sopInstanceUid,
    { timeout: 60_000, polling: 250 },
  );
  assert.match(await activeImageId(), /^wadors:/);
  await page.fill('[data-cy=medstego-key]', KEY);
  await clickTool(page, 'MedstegoReveal');
  assert.equal(await panelText(page, 'medstego-error'), '');
  const cover = await readDicom(new Uint8Array(readFileSync(stego.coverFile)));
  assert.ok((await panelText(page, 'medstego-revealed-fields')).includes(cover.getString('PatientName')!), 'patient name revealed');
  await screenshot(page, 'pacs-03-revealed');
});

test('no request left the page origin (the PACS is reached through the viewer server only)', () => {
  assert.deepEqual(foreignRequests, []);
});

// Shared by the end-to-end tests: build and serve the viewer on a free loopback port, and drive
// Debian's Chromium with playwright-core (flags from DESIGN §6). Screenshots go to test-artifacts/.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { prepareViewer, type PreparedViewer } from '../../scripts/viewer/prepareViewer.ts';
import { buildPlugins } from '../../scripts/viewer/buildPlugins.ts';
import { createViewerServer, listen } from '../../scripts/viewer/serveViewer.ts';
import { DICOMWEB_PATH, type DicomWebUpstream } from '../../scripts/viewer/proxyDicomWeb.ts';
import { REPO_ROOT } from '../helpers/runCli.ts';

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningViewer {
  readonly viewer: PreparedViewer;
  readonly origin: string;
  close(): Promise<void>;
}

/** With `dicomWeb`, the viewer also has a `dicomweb` data source whose /dicom-web/ is forwarded there. */
export async function startViewer(studiesDir?: string, { dicomWeb }: { dicomWeb?: DicomWebUpstream } = {}): Promise<RunningViewer> {
  const viewer = await prepareViewer(REPO_ROOT, { ...(studiesDir ? { studiesDir } : {}), ...(dicomWeb ? { dicomWebRoot: DICOMWEB_PATH } : {}) });
  const server: Server = createViewerServer(viewer.roots, dicomWeb ? { dicomWeb } : {});
  const port = await listen(server, 0);
  return {
    viewer,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launchBrowser(args: readonly string[] = CHROMIUM_ARGS): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...args] });
}

/**
 * Only our bundles (extension, ort/, models/) built into their own .cache/<siteName>/medstego and
 * served by the viewer's server (same headers and MIME types), with a blank same-origin page at `/`.
 * For tests that need the served files but not OHIF: a folder of their own, so they can run beside
 * the viewer tests, whose prepareViewer rebuilds .cache/viewer-site/medstego.
 */
export async function startBundleServer(siteName: string): Promise<{ origin: string; close(): Promise<void> }> {
  const siteDir = path.join(REPO_ROOT, '.cache', siteName);
  await buildPlugins({ repoRoot: REPO_ROOT, outDir: path.join(siteDir, 'medstego') });
  writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>medstego bundles</title>\n');
  const server: Server = createViewerServer({ ohifDist: siteDir, siteDir, samplesDir: path.join(REPO_ROOT, 'samples') });
  const port = await listen(server, 0);
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A browser with one page on the viewer (downloads accepted), and the list of its foreign requests. */
export async function openViewerPage(running: RunningViewer): Promise<{ browser: Browser; page: Page; foreignRequests: string[] }> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, acceptDownloads: true });
  return { browser, page, foreignRequests: recordForeignRequests(page, running.origin) };
}

/** Requests the page made to any other origin (must stay empty: nothing leaves the page). */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

/** Open the mode and wait until the active viewport shows an image. */
export async function openMode(page: Page, running: RunningViewer, modePath = running.viewer.modePath()): Promise<void> {
  await page.goto(running.origin + modePath);
  await page.waitForFunction(
    () => {
      try {
        const services = (window as any).services;
        const viewportId = services.viewportGridService.getActiveViewportId();
        const viewport = services.cornerstoneViewportService.getCornerstoneViewport(viewportId);
        const imageId = viewport?.getCurrentImageId?.();
        return Boolean(imageId && (window as any).cornerstone.cache.getImage(imageId));
      } catch {
        return false;
      }
    },
    undefined,
    { timeout: 60_000, polling: 250 },
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Wait until the medstego panel says it is not busy (every command sets data-busy while it runs). */
export async function waitPanelIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-cy=medstego-panel]')?.getAttribute('data-busy') === 'false', undefined, { timeout: 90_000 });
}

/** Click a toolbar button and wait for the operation it starts (synchronously) to finish. */
export async function clickTool(page: Page, id: string): Promise<void> {
  await waitPanelIdle(page);
  await page.click(`[data-cy=${id}]`);
  await waitPanelIdle(page);
}

/** The text of a panel element (`data-cy` name), '' when empty. */
export async function panelText(page: Page, selector: string): Promise<string> {
  return (await page.textContent(`[data-cy=${selector}]`)) ?? '';
}

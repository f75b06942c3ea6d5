// Everything `npm start` and the end-to-end tests need before serving: the prebuilt OHIF viewer,
// our two bundles, the samples manifest and an app-config.js that loads medstego and reads the
// samples through the `dicomjson` data source (plus `dicomlocal` for the user's own files).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureOhifDistribution } from './ohifDistribution.ts';
import { buildPlugins } from './buildPlugins.ts';
import { buildSampleManifest } from './writeSampleManifest.ts';
import type { ViewerRoots } from './serveViewer.ts';
import { DICOMWEB_SOURCE_NAME, dicomWebDataSource } from './dicomWebDataSource.ts';

export const MODE_ROUTE = 'steganography';
export const MANIFEST_URL = '/samples/manifest.json';
export const STUDIES_MANIFEST_URL = '/studies/manifest.json';

export interface PreparedViewer {
  readonly roots: ViewerRoots;
  /** The sample study `npm start` opens (the short CT series). */
  readonly sampleStudyUid: string;
  /** Path + query that opens the Steganography mode on a study of the samples. */
  modePath(studyUid?: string): string;
  /** The first study of `studiesDir`, when one was given. */
  readonly studiesStudyUid: string | undefined;
  /** Path + query that opens the mode on a study of `studiesDir`. */
  studiesModePath(studyUid?: string): string;
  /** Path + query that opens the mode on a study of the DICOMweb data source (when `dicomWeb` was given). */
  dicomWebModePath(studyUid?: string): string;
}

export interface PrepareViewerOptions {
  /** A folder of the user's own DICOM files to serve beside the samples. */
  readonly studiesDir?: string;
  /** Add a `dicomweb` data source at this same-origin root (`npm run start:pacs`) and make it the default. */
  readonly dicomWebRoot?: string;
  readonly log?: (line: string) => void;
}

function modePathFor(manifestUrl: string, studyUid: string | undefined): string {
  return `/${MODE_ROUTE}/dicomjson?url=${encodeURIComponent(manifestUrl)}${studyUid ? `&StudyInstanceUIDs=${studyUid}` : ''}`;
}

/** The app-config.js medstego ships over OHIF's (which points at a public demo server). */
export function renderAppConfig({ dicomWebRoot }: { readonly dicomWebRoot?: string } = {}): string {
  const config = {
    routerBasename: '/',
    extensions: ['/medstego/extension.js'],
    modes: ['/medstego/mode.js'],
    showStudyList: true,
    // The viewer runs on the user's machine; the panel itself says medstego is research software.
    investigationalUseDialog: { option: 'never' },
    maxNumberOfWebWorkers: 2,
    defaultDataSourceName: 'dicomjson',
    dataSources: [
      {
        namespace: '@ohif/extension-default.dataSourcesModule.dicomjson',
        sourceName: 'dicomjson',
        configuration: { friendlyName: 'medstego samples (DICOM JSON)', name: 'json' },
      },
      {
        namespace: '@ohif/extension-default.dataSourcesModule.dicomlocal',
        sourceName: 'dicomlocal',
        configuration: { friendlyName: 'Local DICOM files' },
      },
      ...(dicomWebRoot ? [dicomWebDataSource(dicomWebRoot)] : []),
    ],
    ...(dicomWebRoot ? { defaultDataSourceName: DICOMWEB_SOURCE_NAME } : {}),
  };
  return `// Written by scripts/viewer/prepareViewer.ts: OHIF ${'3.13.2'} with the medstego extension and mode.\nwindow.config = ${JSON.stringify(config, null, 2)};\n`;
}

export async function prepareViewer(repoRoot: string, { studiesDir, dicomWebRoot, log = () => {} }: PrepareViewerOptions = {}): Promise<PreparedViewer> {
  const ohifDist = ensureOhifDistribution(path.join(repoRoot, '.cache', 'ohif'), log);
  // Its own folder for the PACS variant, so the two end-to-end tests can run side by side.
  const siteDir = path.join(repoRoot, '.cache', dicomWebRoot ? 'viewer-site-pacs' : 'viewer-site');
  const samplesDir = path.join(repoRoot, 'samples');
  await buildPlugins({ repoRoot, outDir: path.join(siteDir, 'medstego') });
  mkdirSync(path.join(siteDir, 'samples'), { recursive: true });
  const manifest = buildSampleManifest(samplesDir, '/samples');
  writeFileSync(path.join(siteDir, 'samples', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(siteDir, 'app-config.js'), renderAppConfig(dicomWebRoot ? { dicomWebRoot } : {}));
  let studiesStudyUid: string | undefined;
  if (studiesDir) {
    const studies = buildSampleManifest(studiesDir, '/studies');
    mkdirSync(path.join(siteDir, 'studies'), { recursive: true });
    writeFileSync(path.join(siteDir, 'studies', 'manifest.json'), JSON.stringify(studies));
    studiesStudyUid = studies.studies[0]?.StudyInstanceUID;
  }
  const sampleStudyUid = manifest.studies[0]!.StudyInstanceUID;
  return {
    roots: { ohifDist, siteDir, samplesDir, ...(studiesDir ? { studiesDir: path.resolve(studiesDir) } : {}) },
    sampleStudyUid,
    modePath: (studyUid = sampleStudyUid) => modePathFor(MANIFEST_URL, studyUid),
    studiesStudyUid,
    studiesModePath: (studyUid = studiesStudyUid) => modePathFor(STUDIES_MANIFEST_URL, studyUid),
    dicomWebModePath: (studyUid = sampleStudyUid) => `/${MODE_ROUTE}/${DICOMWEB_SOURCE_NAME}?StudyInstanceUIDs=${studyUid}`,
  };
}

// The DICOM JSON manifest read by OHIF's `dicomjson` data source: studies → series → instances,
// each instance its naturalized header (no pixel data) and a `dicomweb:<path>` URL that the image
// loader fetches as a plain Part 10 file from our own origin (DESIGN §6).
import { readFileSync } from 'node:fs';
import { listDicomFilesUnder } from '../listFilesUnder.ts';
import path from 'node:path';
import { dcmjs, withDcmjsSilenced } from '../../src/dicom/dcmjsModule.ts';

export interface ManifestInstance {
  readonly metadata: Record<string, unknown>;
  readonly url: string;
}
export interface ManifestSeries {
  SeriesInstanceUID: string;
  SeriesDescription?: unknown;
  SeriesNumber?: unknown;
  Modality?: unknown;
  instances: ManifestInstance[];
}
export interface ManifestStudy {
  StudyInstanceUID: string;
  StudyDate?: unknown;
  StudyTime?: unknown;
  StudyDescription?: unknown;
  PatientName?: unknown;
  PatientID?: unknown;
  AccessionNumber?: unknown;
  Modalities: string;
  NumInstances: number;
  series: ManifestSeries[];
}
export interface DicomJsonManifest {
  studies: ManifestStudy[];
}

/** Keep only JSON-safe header values (binary and private data stay in the file). */
function jsonSafe(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.every((item) => item === null || typeof item !== 'object' || (!(item instanceof ArrayBuffer) && !ArrayBuffer.isView(item)));
  return true;
}

function naturalizedHeader(file: string): Record<string, unknown> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const dicomDict = withDcmjsSilenced(() => dcmjs.data.DicomMessage.readFile(buffer, { untilTag: '7FE00010' }));
  const natural = withDcmjsSilenced(() => dcmjs.data.DicomMetaDictionary.naturalizeDataset(dicomDict.dict));
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(natural)) {
    // Keywords only: dcmjs names unknown (private) tags by their hex number.
    if (/^[A-Z][A-Za-z0-9]*$/.test(key) && key !== 'PixelData' && jsonSafe(value)) metadata[key] = value;
  }
  return metadata;
}


/**
 * Build the manifest for every `.dcm` under `samplesDir`, served at `urlPrefix` (e.g. '/samples').
 * Instances are ordered by Instance Number within a series.
 */
export function buildSampleManifest(samplesDir: string, urlPrefix: string): DicomJsonManifest {
  const studies = new Map<string, ManifestStudy>();
  for (const file of listDicomFilesUnder(samplesDir)) {
    const metadata = naturalizedHeader(file);
    const studyUid = String(metadata.StudyInstanceUID);
    const seriesUid = String(metadata.SeriesInstanceUID);
    let study = studies.get(studyUid);
    if (!study) {
      study = {
        StudyInstanceUID: studyUid,
        StudyDate: metadata.StudyDate,
        StudyTime: metadata.StudyTime,
        StudyDescription: metadata.StudyDescription,
        PatientName: metadata.PatientName,
        PatientID: metadata.PatientID,
        AccessionNumber: metadata.AccessionNumber,
        Modalities: '',
        NumInstances: 0,
        series: [],
      };
      studies.set(studyUid, study);
    }
    let series = study.series.find((candidate) => candidate.SeriesInstanceUID === seriesUid);
    if (!series) {
      series = { SeriesInstanceUID: seriesUid, SeriesDescription: metadata.SeriesDescription, SeriesNumber: metadata.SeriesNumber, Modality: metadata.Modality, instances: [] };
      study.series.push(series);
    }
    const relative = path.relative(samplesDir, file).split(path.sep).join('/');
    series.instances.push({ metadata, url: `dicomweb:${urlPrefix}/${relative}` });
    study.NumInstances++;
  }
  for (const study of studies.values()) {
    study.Modalities = [...new Set(study.series.map((series) => String(series.Modality)))].join('\\');
    for (const series of study.series) {
      series.instances.sort((a, b) => Number(a.metadata.InstanceNumber ?? 0) - Number(b.metadata.InstanceNumber ?? 0));
    }
  }
  // The study with the most instances first: it is the one `npm start` opens.
  return { studies: [...studies.values()].sort((a, b) => b.NumInstances - a.NumInstances) };
}

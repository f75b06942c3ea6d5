/**
 * The image in the active viewport: its viewport, display set, cornerstone image id and the DICOM
 * file bytes behind it (fetched from our own origin, by a plain GET or by WADO-RS, or held in memory
 * for a stego image made here).
 */
import type { DisplaySet, OhifServices } from '../ohifTypes.ts';
import { instanceSource } from '../logic/instanceSource.ts';
import type { DicomWebClient } from '../services/DicomWebClient.ts';

export interface ActiveImage {
  readonly viewportId: string;
  readonly displaySet: DisplaySet;
  readonly imageId: string;
}

export function getActiveImage(services: OhifServices): ActiveImage {
  const { viewportGridService, cornerstoneViewportService, displaySetService } = services;
  const viewportId = viewportGridService.getActiveViewportId();
  const viewport = viewportId ? cornerstoneViewportService.getCornerstoneViewport(viewportId) : undefined;
  const imageId = viewport?.getCurrentImageId?.();
  const displaySetUid = viewportId ? viewportGridService.getDisplaySetsUIDsForViewport(viewportId)?.[0] : undefined;
  const displaySet = displaySetUid ? displaySetService.getDisplaySetByUID(displaySetUid) : undefined;
  if (!viewportId || !imageId || !displaySet) throw new Error('No image in the active viewport: open a CT or MR series first.');
  return { viewportId, displaySet, imageId };
}

/** Bytes made in this page (stego images), by image id; looked up before any fetch. */
const localFiles = new Map<string, Uint8Array>();

export function rememberLocalFile(imageId: string, bytes: Uint8Array): void {
  localFiles.set(imageId, bytes);
}

export function forgetLocalFiles(): void {
  localFiles.clear();
}

export async function fetchImageBytes(imageId: string, dicomWeb: DicomWebClient): Promise<Uint8Array> {
  const local = localFiles.get(imageId);
  if (local) return local;
  const source = instanceSource(imageId, window.location.origin);
  if (source.kind === 'wado-rs') return dicomWeb.retrieveInstance(source.url);
  if (source.kind !== 'url') throw new Error(`Cannot read this image's DICOM file: ${source.reason}.`);
  const response = await fetch(source.url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Reading the image's DICOM file failed (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

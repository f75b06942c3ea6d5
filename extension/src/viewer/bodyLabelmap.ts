/**
 * The body mask as an OHIF labelmap segmentation (cornerstone3D 5: one derived labelmap image per
 * source image). Segment writes the segmenter's mask into the slice shown; Embed reads the slice
 * back after the user's brush and eraser edits.
 */
import type { BodyMask } from '../../../src/segmentation/index.ts';
import { BODY_SEGMENT_INDEX, labelmapToMask, writeMaskToLabelmap } from '../logic/labelmapMask.ts';
import type { CornerstoneGlobal, CornerstoneToolsGlobal, OhifServices } from '../ohifTypes.ts';
import type { ActiveImage } from './activeImage.ts';

const SEGMENTATION_LABEL = 'medstego body mask';
/** Segmentation id per display set, so Segment on another slice of the series reuses it. */
const segmentationIds = new Map<string, string>();

function cornerstoneGlobals(): { cornerstone: CornerstoneGlobal; tools: CornerstoneToolsGlobal } {
  const { cornerstone, cornerstoneTools } = window;
  if (!cornerstone || !cornerstoneTools) throw new Error('The viewer does not expose cornerstone (window.cornerstone); is this OHIF 3.x?');
  return { cornerstone, tools: cornerstoneTools };
}

interface LabelmapRepresentation {
  representationData?: { Labelmap?: { imageIds?: string[]; referencedImageIds?: string[] } };
}

function labelmapImageIdFor(segmentationId: string, imageId: string, active: ActiveImage, services: OhifServices): string {
  const { tools } = cornerstoneGlobals();
  const direct = tools.segmentation.getLabelmapImageIdsForImageId?.(imageId, segmentationId)?.[0];
  if (direct) return direct;
  // Fallback: labelmap image ids are in the order of the display set's image ids.
  const segmentation = services.segmentationService.getSegmentation(segmentationId) as LabelmapRepresentation | undefined;
  const labelmap = segmentation?.representationData?.Labelmap;
  const referenced = labelmap?.referencedImageIds ?? active.displaySet.imageIds ?? [];
  const index = referenced.indexOf(imageId);
  const id = index >= 0 ? labelmap?.imageIds?.[index] : undefined;
  if (!id) throw new Error('The labelmap has no slice for the image shown.');
  return id;
}

function labelmapScalars(cornerstone: CornerstoneGlobal, labelmapImageId: string): { length: number; [index: number]: number } {
  const image = cornerstone.cache.getImage(labelmapImageId);
  const scalars = image?.voxelManager?.getScalarData() ?? (image?.getPixelData() as { length: number; [index: number]: number } | undefined);
  if (!scalars) throw new Error('The labelmap slice is not loaded.');
  return scalars;
}

export async function ensureBodySegmentation(services: OhifServices, active: ActiveImage): Promise<string> {
  const { segmentationService } = services;
  let segmentationId = segmentationIds.get(active.displaySet.displaySetInstanceUID);
  if (!segmentationId || !segmentationService.getSegmentation(segmentationId)) {
    segmentationId = await segmentationService.createLabelmapForDisplaySet(active.displaySet, {
      label: SEGMENTATION_LABEL,
      segments: { [BODY_SEGMENT_INDEX]: { label: 'body (significant)', active: true } },
    });
    segmentationIds.set(active.displaySet.displaySetInstanceUID, segmentationId);
  }
  const shown = segmentationService.getSegmentationRepresentations(active.viewportId).some((representation) => representation.segmentationId === segmentationId);
  if (!shown) await segmentationService.addSegmentationRepresentation(active.viewportId, { segmentationId });
  return segmentationId;
}

export async function showMaskAsLabelmap(services: OhifServices, active: ActiveImage, mask: BodyMask): Promise<string> {
  const segmentationId = await ensureBodySegmentation(services, active);
  const { cornerstone, tools } = cornerstoneGlobals();
  const labelmapImageId = labelmapImageIdFor(segmentationId, active.imageId, active, services);
  const scalars = labelmapScalars(cornerstone, labelmapImageId);
  writeMaskToLabelmap(mask, scalars);
  tools.segmentation.triggerSegmentationEvents.triggerSegmentationDataModified(segmentationId);
  return segmentationId;
}

/** The mask as shown now (after brush edits), or undefined when no labelmap covers this image. */
export function readShownMask(services: OhifServices, active: ActiveImage): BodyMask | undefined {
  const segmentationId = segmentationIds.get(active.displaySet.displaySetInstanceUID);
  if (!segmentationId || !services.segmentationService.getSegmentation(segmentationId)) return undefined;
  const { cornerstone } = cornerstoneGlobals();
  return labelmapToMask(labelmapScalars(cornerstone, labelmapImageIdFor(segmentationId, active.imageId, active, services)));
}

export function forgetSegmentations(): void {
  segmentationIds.clear();
}

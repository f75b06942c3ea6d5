/**
 * Show a stego file made in this page as a new image beside its cover. The bytes are served to
 * OHIF's own DICOM loader from an in-page blob URL (nothing leaves the page); the new display set
 * is made from the file's naturalized header by OHIF's SOP class handlers. Geometry and display
 * metadata are answered from the cover (the stego image shares them) by a small metadata provider.
 */
import { dcmjs, withDcmjsSilenced } from '../../../src/dicom/dcmjsModule.ts';
import type { CommandsManager, OhifServices } from '../ohifTypes.ts';
import { rememberLocalFile } from './activeImage.ts';

const coverOfStego = new Map<string, string>();
const blobUrls: string[] = [];
let providerAdded = false;

/** Metadata for a stego image id = the cover's, except its identity as an instance. */
function stegoMetadataProvider(type: string, ...query: unknown[]): unknown {
  const imageId = query[0];
  if (typeof imageId !== 'string') return undefined;
  const cover = coverOfStego.get(imageId);
  if (!cover || type === 'instance') return undefined;
  return window.cornerstone?.metaData.get(type, cover);
}

function naturalize(bytes: Uint8Array): Record<string, unknown> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return withDcmjsSilenced(() => {
    const dicomDict = dcmjs.data.DicomMessage.readFile(buffer, { untilTag: '7FE00010' });
    const natural = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dicomDict.dict);
    delete natural.PixelData;
    return natural;
  });
}

export interface ShownStego {
  readonly imageId: string;
  readonly displaySetInstanceUID: string | undefined;
  readonly viewportId: string | undefined;
}

export async function showStegoImage(services: OhifServices, commandsManager: CommandsManager, coverImageId: string, bytes: Uint8Array): Promise<ShownStego> {
  const blobUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/dicom' }));
  blobUrls.push(blobUrl);
  const imageId = `dicomweb:${blobUrl}`;
  coverOfStego.set(imageId, coverImageId);
  rememberLocalFile(imageId, bytes);
  if (!providerAdded) {
    window.cornerstone?.metaData.addProvider(stegoMetadataProvider, 10000);
    providerAdded = true;
  }
  const header = naturalize(bytes);
  const instance = { ...header, url: imageId, imageId };
  const displaySets = services.displaySetService.makeDisplaySets([instance], { madeInClient: true }) ?? [];
  const displaySetInstanceUID = displaySets[0]?.displaySetInstanceUID;
  let viewportId: string | undefined;
  if (displaySetInstanceUID) viewportId = await placeBesideActive(services, commandsManager, displaySetInstanceUID);
  return { imageId, displaySetInstanceUID, viewportId };
}

/** Put the display set in a second viewport (switching a one-viewport layout to 1×2). */
async function placeBesideActive(services: OhifServices, commandsManager: CommandsManager, displaySetInstanceUID: string): Promise<string | undefined> {
  const { viewportGridService } = services;
  const activeId = viewportGridService.getActiveViewportId();
  const otherViewport = () => [...viewportGridService.getState().viewports.keys()].find((id) => id !== activeId);
  if (!otherViewport()) {
    // OHIF applies a layout change on a later tick.
    commandsManager.runCommand('setViewportGridLayout', { numRows: 1, numCols: 2 });
    for (let tries = 0; tries < 50 && !otherViewport(); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const other = otherViewport();
  if (!other) return undefined;
  viewportGridService.setDisplaySetsForViewports([{ viewportId: other, displaySetInstanceUIDs: [displaySetInstanceUID] }]);
  return other;
}

export function releaseStegoImages(): void {
  for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);
  coverOfStego.clear();
  if (providerAdded) window.cornerstone?.metaData.removeProvider?.(stegoMetadataProvider);
  providerAdded = false;
}

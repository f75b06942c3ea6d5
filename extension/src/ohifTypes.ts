/**
 * The small part of OHIF 3.13 and cornerstone3D 5 the extension calls, typed locally: @ohif/core
 * ships no type declarations, and the extension must not import the host's cornerstone (it uses
 * `window.cornerstone` / `window.cornerstoneTools`, the instances the viewer exposes).
 */
export interface Subscription {
  unsubscribe(): void;
}

export interface DisplaySet {
  displaySetInstanceUID: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  Modality?: string;
  images?: Array<Record<string, unknown>>;
  imageIds?: string[];
}

export interface OhifServices {
  viewportGridService: {
    getActiveViewportId(): string;
    getState(): { layout: { numRows: number; numCols: number }; viewports: Map<string, { viewportId: string; displaySetInstanceUIDs: string[] }> };
    getDisplaySetsUIDsForViewport(viewportId: string): string[];
    setDisplaySetsForViewports(updates: Array<{ viewportId: string; displaySetInstanceUIDs: string[] }>): void;
    setActiveViewportId(viewportId: string): void;
  };
  cornerstoneViewportService: {
    getCornerstoneViewport(viewportId: string): CornerstoneViewport | undefined;
  };
  displaySetService: {
    getDisplaySetByUID(uid: string): DisplaySet | undefined;
    makeDisplaySets(instances: Array<Record<string, unknown>>, options?: { madeInClient?: boolean }): DisplaySet[] | undefined;
  };
  segmentationService: {
    createLabelmapForDisplaySet(displaySet: DisplaySet, options: Record<string, unknown>): Promise<string>;
    addSegmentationRepresentation(viewportId: string, options: { segmentationId: string; type?: unknown }): Promise<void>;
    getSegmentation(segmentationId: string): unknown;
    getSegmentationRepresentations(viewportId: string): Array<{ segmentationId: string; type: string; active?: boolean }>;
    setActiveSegment(segmentationId: string, segmentIndex: number): void;
  };
  uiNotificationService: { show(options: { title: string; message: string; type: 'info' | 'success' | 'warning' | 'error'; duration?: number }): void };
  toolbarService: {
    addButtons(buttons: unknown[], replace?: boolean): void;
    updateSection(section: string, buttonIds: string[]): void;
    getButtonSection(section: string): Array<{ id: string }>;
    refreshToolbarState?(options?: unknown): void;
  };
  panelService?: { activatePanel(panelId: string, forceActive?: boolean): void };
  userAuthenticationService?: { getAuthorizationHeader?(): Record<string, string> | undefined };
}

export interface ServicesManager {
  services: OhifServices;
}

export interface CommandsManager {
  runCommand(name: string, options?: Record<string, unknown>, context?: string): unknown;
}

export interface ExtensionManager {
  getActiveDataSource(): Array<{ getConfig?(): unknown } | undefined>;
}

export interface CornerstoneViewport {
  id: string;
  getCurrentImageId(): string;
  render(): void;
}

export interface CornerstoneImage {
  getPixelData(): ArrayLike<number>;
  rows: number;
  columns: number;
  voxelManager?: { getScalarData(): Uint8Array | Uint16Array | Int16Array | Float32Array; setScalarData?(data: ArrayLike<number>): void };
}

export interface CornerstoneGlobal {
  cache: { getImage(imageId: string): CornerstoneImage | undefined };
  metaData: {
    get(type: string, imageId: string): unknown;
    addProvider(provider: (type: string, ...query: unknown[]) => unknown, priority?: number): void;
    removeProvider?(provider: (type: string, ...query: unknown[]) => unknown): void;
  };
  imageLoader: { loadAndCacheImage(imageId: string): Promise<CornerstoneImage> };
}

export interface CornerstoneToolsGlobal {
  segmentation: {
    getLabelmapImageIdsForImageId?(imageId: string, segmentationId: string): string[] | undefined;
    triggerSegmentationEvents: { triggerSegmentationDataModified(segmentationId: string, modifiedSlices?: number[]): void };
  };
}

declare global {
  interface Window {
    cornerstone?: CornerstoneGlobal;
    cornerstoneTools?: CornerstoneToolsGlobal;
  }
}

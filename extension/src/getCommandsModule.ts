/**
 * Commands as data: Segment, Embed, Export and Reveal, each a thin shell that reads the viewer
 * (active image, labelmap), hands bytes and masks to the MedstegoService and shows the result.
 * Export downloads the stego file and, when the cover came from a DICOMweb data source with a
 * stowRoot, also stores it there by STOW-RS.
 */
import { COMMANDS_CONTEXT, PANEL_ID } from './id.ts';
import type { CommandsManager, ExtensionManager, ServicesManager } from './ohifTypes.ts';
import type { MedstegoService } from './services/MedstegoService.ts';
import { DicomWebClient } from './services/DicomWebClient.ts';
import { fetchImageBytes, getActiveImage } from './viewer/activeImage.ts';
import { readShownMask, showMaskAsLabelmap } from './viewer/bodyLabelmap.ts';
import { showStegoImage } from './viewer/stegoDisplaySet.ts';
import { downloadFile } from './viewer/downloadFile.ts';
import { instanceSource, stegoFileName } from './logic/instanceSource.ts';
import { stowEndpoint, type StowEndpoint } from './logic/stowEndpoint.ts';

/** Resolve after the next two animation frames: the labelmap has been drawn by then. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export function createCommandsModule({
  servicesManager,
  commandsManager,
  extensionManager,
  service,
}: {
  servicesManager: ServicesManager;
  commandsManager: CommandsManager;
  extensionManager?: ExtensionManager;
  service: MedstegoService;
}) {
  const { services } = servicesManager;
  const dicomWeb = new DicomWebClient({ headers: () => services.userAuthenticationService?.getAuthorizationHeader?.() });
  /** Where Export stores the last stego instance: set at Embed time, from its cover's source. */
  let storeTarget: { readonly sopInstanceUid: string; readonly endpoint: StowEndpoint | undefined } | undefined;
  /** Undefined for a cover that did not come from DICOMweb (nothing to store back to). */
  const stowEndpointFor = (coverImageId: string): StowEndpoint | undefined => {
    if (instanceSource(coverImageId, window.location.origin).kind !== 'wado-rs') return undefined;
    return stowEndpoint(extensionManager?.getActiveDataSource()?.[0]?.getConfig?.(), window.location.origin);
  };
  const refreshToolbar = () => services.toolbarService.refreshToolbarState?.({ viewportId: services.viewportGridService.getActiveViewportId() });
  /** Run one operation through the service (which turns failures into state), then notify. */
  const perform = async (label: string, task: () => Promise<void>) => {
    const running = service.run(label, task);
    refreshToolbar();
    await running;
    refreshToolbar();
    const { error } = service.state;
    if (error) services.uiNotificationService.show({ title: 'medstego', message: error, type: 'error', duration: 8000 });
  };

  const actions = {
    medstegoSegment: async () => {
      const clicked = performance.now();
      await perform('Segmenting', async () => {
        const active = getActiveImage(services);
        const bytes = await fetchImageBytes(active.imageId, dicomWeb);
        const { mask, segmenterName, ms } = await service.segment(bytes);
        await showMaskAsLabelmap(services, active, mask);
        await afterPaint();
        // Standard performance entries, read by scripts/bench-viewer.ts (no logging).
        performance.measure('medstego:segment', { start: clicked, end: performance.now() });
        performance.measure('medstego:segment:compute', { start: performance.now() - ms, duration: ms });
        service.noteSegmented(segmenterName, performance.now() - clicked, ms);
        // The segmentation mode switches to its own panel when the first labelmap appears; the
        // results belong to ours (the brush tools stay one tab away).
        services.panelService?.activatePanel(PANEL_ID, true);
      });
    },
    medstegoEmbed: async () => {
      const clicked = performance.now();
      await perform('Embedding', async () => {
        const active = getActiveImage(services);
        const bytes = await fetchImageBytes(active.imageId, dicomWeb);
        const mask = readShownMask(services, active);
        const started = performance.now();
        const stego = await service.embed(bytes, mask);
        performance.measure('medstego:embed', { start: started, end: performance.now() });
        storeTarget = { sopInstanceUid: stego.sopInstanceUid, endpoint: stowEndpointFor(active.imageId) };
        await showStegoImage(services, commandsManager, active.imageId, stego.output);
        await afterPaint();
        performance.measure('medstego:embed:shown', { start: clicked, end: performance.now() });
      });
    },
    medstegoExport: async () => {
      await perform('Exporting', async () => {
        const stego = service.lastStego;
        if (!stego) throw new Error('Nothing to export yet: Embed first.');
        const fileName = stegoFileName(stego.sopInstanceUid);
        downloadFile(stego.output, fileName);
        const endpoint = storeTarget?.sopInstanceUid === stego.sopInstanceUid ? storeTarget.endpoint : undefined;
        if (endpoint?.kind !== 'stow') {
          const why = endpoint ? ` Not stored in the PACS: ${endpoint.reason}.` : '';
          service.noteExported(`Downloaded ${fileName}.${why}`);
          return;
        }
        const outcome = await dicomWeb.storeInstances(endpoint.url, [{ bytes: stego.output, sopInstanceUid: stego.sopInstanceUid }]);
        if (!outcome.stored) throw new Error(`Downloaded ${fileName}, but storing it in the PACS (STOW-RS) failed: ${outcome.summary}.`);
        service.noteExported(`Downloaded ${fileName} and stored it in the PACS (STOW-RS, ${outcome.summary}).`);
      });
    },
    medstegoReveal: async () => {
      await perform('Revealing', async () => {
        const active = getActiveImage(services);
        await service.reveal(await fetchImageBytes(active.imageId, dicomWeb));
      });
    },
  };

  const definitions = Object.fromEntries(Object.keys(actions).map((name) => [name, { commandFn: actions[name as keyof typeof actions] }]));
  return { actions, definitions, defaultContext: COMMANDS_CONTEXT };
}

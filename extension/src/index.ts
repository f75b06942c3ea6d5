/**
 * medstego OHIF extension: a table of contents. Each module lives in its own file; the one
 * MedstegoService instance (created at registration) is shared by the commands, toolbar and panel.
 */
import { EXTENSION_ID } from './id.ts';
import type { CommandsManager, ExtensionManager, ServicesManager } from './ohifTypes.ts';
import { MedstegoService } from './services/MedstegoService.ts';
import { createViewerSegmenter } from './createViewerSegmenter.ts';
import { createCommandsModule } from './getCommandsModule.ts';
import { createPanelModule } from './getPanelModule.ts';
import { createToolbarModule } from './getToolbarModule.ts';
import { codecLocations } from './codecLocations.ts';
import { forgetLocalFiles } from './viewer/activeImage.ts';
import { forgetSegmentations } from './viewer/bodyLabelmap.ts';
import { releaseStegoImages } from './viewer/stegoDisplaySet.ts';

let service: MedstegoService | undefined;
function medstegoService(): MedstegoService {
  // Everything the extension loads at run time (codecs, onnxruntime, model) sits beside its bundle.
  const baseUrl = new URL('./', import.meta.url).href;
  service ??= new MedstegoService({ createSegmenter: () => createViewerSegmenter({ baseUrl }), codecs: codecLocations(baseUrl) });
  return service;
}

const extension = {
  id: EXTENSION_ID,
  getCommandsModule: ({ servicesManager, commandsManager, extensionManager }: { servicesManager: ServicesManager; commandsManager: CommandsManager; extensionManager?: ExtensionManager }) =>
    createCommandsModule({ servicesManager, commandsManager, extensionManager, service: medstegoService() }),
  getToolbarModule: () => createToolbarModule(medstegoService()),
  getPanelModule: () => createPanelModule(medstegoService()),
  onModeExit: () => {
    medstegoService().reset();
    forgetLocalFiles();
    forgetSegmentations();
    releaseStegoImages();
  },
};

export default extension;

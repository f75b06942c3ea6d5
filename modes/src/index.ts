/**
 * The "Steganography" mode (route /steganography): OHIF's own segmentation mode, so the brush,
 * eraser and labelmap panels are there, plus the medstego panel and four toolbar buttons. It is a
 * declaration over the segmentation mode's instance; onModeExit undoes what onModeEnter added.
 */
import { MEDSTEGO_BUTTONS, MEDSTEGO_BUTTON_IDS } from './toolbarButtons.ts';

declare const MEDSTEGO_EXTENSION_SPECIFIER: string | undefined;

export const MODE_ID = '@medstego/ohif-mode';
const EXTENSION_ID = '@medstego/ohif-extension';
/** How the viewer imports the extension: the served URL for a stock viewer, the package name in an OHIF build. */
const extensionSpecifier = typeof MEDSTEGO_EXTENSION_SPECIFIER === 'string' ? MEDSTEGO_EXTENSION_SPECIFIER : EXTENSION_ID;
const PANEL = `${EXTENSION_ID}.panelModule.stego`;
const PRIMARY_SECTION = 'primary';
const MODALITIES = ['CT', 'MR'];

type ModeContext = { servicesManager: { services: Record<string, any> }; extensionManager: unknown; commandsManager: unknown; appConfig?: unknown };
type ModeInstance = Record<string, any> & { onModeEnter?: (this: ModeInstance, context: ModeContext) => void; onModeExit?: (this: ModeInstance, context: ModeContext) => void };
type LoadModules = (specifiers: string[]) => Promise<Array<Record<string, any>>>;

/** Valid for studies with CT or MR series. */
export function isValidMode({ modalities }: { modalities?: string }): { valid: boolean; description: string } {
  const present = (modalities ?? '').split('\\');
  const valid = present.some((modality) => MODALITIES.includes(modality));
  return { valid, description: valid ? 'Hide and reveal patient identity in CT/MR pixels' : 'The Steganography mode needs a CT or MR series' };
}

export function extendSegmentationMode(base: ModeInstance): ModeInstance {
  const [route] = base.routes as Array<Record<string, any>>;
  const layout = route!.layoutInstance as Record<string, any>;
  return {
    ...base,
    id: MODE_ID,
    routeName: 'steganography',
    displayName: 'Steganography',
    hide: false,
    isValidMode,
    extensions: { ...base.extensions, [extensionSpecifier]: '^0.1.0' },
    routes: [{ ...route, layoutInstance: { ...layout, props: { ...layout.props, rightPanels: [PANEL, ...layout.props.rightPanels] } } }],
    onModeEnter(this: ModeInstance, context: ModeContext) {
      base.onModeEnter?.call(this, context);
      const { toolbarService, panelService } = context.servicesManager.services;
      toolbarService.addButtons(MEDSTEGO_BUTTONS, true);
      const primary = toolbarService.getButtonSection(PRIMARY_SECTION).map((entry: { id: string }) => entry.id);
      toolbarService.updateSection(PRIMARY_SECTION, [...primary.filter((id: string) => !(MEDSTEGO_BUTTON_IDS as readonly string[]).includes(id)), ...MEDSTEGO_BUTTON_IDS]);
      panelService?.activatePanel?.(PANEL, true);
    },
    onModeExit(this: ModeInstance, context: ModeContext) {
      base.onModeExit?.call(this, context);
    },
  };
}

const mode = {
  id: MODE_ID,
  async modeFactory({ modeConfiguration, loadModules }: { modeConfiguration?: unknown; loadModules: LoadModules }) {
    const [segmentation] = await loadModules(['@ohif/mode-segmentation']);
    if (!segmentation?.modeFactory) throw new Error('The Steganography mode needs @ohif/mode-segmentation in the viewer');
    const base: ModeInstance = await segmentation.modeFactory.call(segmentation, { modeConfiguration });
    return extendSegmentationMode(base);
  },
  extensionDependencies: { '@ohif/extension-default': '^3.13.0', '@ohif/extension-cornerstone': '^3.13.0', [extensionSpecifier]: '^0.1.0' },
};

export default mode;

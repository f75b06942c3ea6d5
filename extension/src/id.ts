/** The extension id: the prefix of every module this extension registers ('<id>.panelModule.stego'). */
export const EXTENSION_ID = '@medstego/ohif-extension';
export const PANEL_NAME = 'stego';
export const PANEL_ID = `${EXTENSION_ID}.panelModule.${PANEL_NAME}`;
export const COMMANDS_CONTEXT = 'MEDSTEGO';

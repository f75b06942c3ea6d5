/** The four medstego buttons: each names the command it runs (commands are data). */
export const MEDSTEGO_BUTTON_IDS = ['MedstegoSegment', 'MedstegoEmbed', 'MedstegoExport', 'MedstegoReveal'] as const;

const IDLE = 'evaluate.medstego.idle';

function button(id: string, icon: string, label: string, tooltip: string, command: string) {
  return { id, uiType: 'ohif.toolButton', props: { icon, label, tooltip, commands: command, evaluate: IDLE } };
}

export const MEDSTEGO_BUTTONS = [
  button('MedstegoSegment', 'icon-tool-click-segment', 'Segment', 'Segment the body on this slice (shown as a labelmap you can correct)', 'medstegoSegment'),
  button('MedstegoEmbed', 'Lock', 'Embed', 'Hide the identity in the background, using the mask as shown', 'medstegoEmbed'),
  button('MedstegoExport', 'Download', 'Export', 'Download the stego DICOM', 'medstegoExport'),
  button('MedstegoReveal', 'EyeVisible', 'Reveal', 'Extract the hidden payload from the image shown', 'medstegoReveal'),
];

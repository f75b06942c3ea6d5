/** The Steganography panel, mounted as plain DOM inside one host-React `<div>`. */
import { PANEL_NAME } from './id.ts';
import { hostDivElement } from './panel/hostElement.ts';
import { StegoPanel } from './panel/StegoPanel.ts';
import type { MedstegoService } from './services/MedstegoService.ts';

export function createPanelModule(service: MedstegoService) {
  let panel: StegoPanel | undefined;
  // One stable callback ref: React calls it with the div on mount and null on unmount.
  const mount = (node: HTMLDivElement | null) => {
    panel?.dispose();
    panel = undefined;
    if (node) {
      panel = new StegoPanel(service);
      node.replaceChildren(panel.root);
    }
  };
  const StegoPanelComponent = () => hostDivElement(mount, { className: 'h-full overflow-auto', 'data-cy': 'medstego-panel-host' });
  return [
    {
      name: PANEL_NAME,
      iconName: 'Lock',
      iconLabel: 'Stego',
      label: 'Steganography',
      component: StegoPanelComponent,
    },
  ];
}

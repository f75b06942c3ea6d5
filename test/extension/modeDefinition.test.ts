import { test } from 'node:test';
import assert from 'node:assert/strict';
import mode, { extendSegmentationMode, isValidMode, MODE_ID } from '../../modes/src/index.ts';
import { MEDSTEGO_BUTTONS, MEDSTEGO_BUTTON_IDS } from '../../modes/src/toolbarButtons.ts';
import { createCommandsModule } from '../../extension/src/getCommandsModule.ts';
import { MedstegoService } from '../../extension/src/services/MedstegoService.ts';
import { createThresholdSegmenter } from '../../src/segmentation/index.ts';

test('the mode is listed for CT and MR studies only', () => {
  assert.equal(isValidMode({ modalities: 'CT' }).valid, true);
  assert.equal(isValidMode({ modalities: 'PT\\MR' }).valid, true);
  assert.equal(isValidMode({ modalities: 'SM' }).valid, false);
  assert.equal(isValidMode({}).valid, false);
});

test('extendSegmentationMode keeps the segmentation mode and adds our route, panel and lifecycle', () => {
  const calls: string[] = [];
  const base = {
    id: '@ohif/mode-segmentation',
    routeName: 'segmentation',
    extensions: { '@ohif/extension-cornerstone': '^3' },
    routes: [{ path: 'template', layoutInstance: { id: 'layout', props: { rightPanels: ['seg-panel'], leftPanels: ['thumbs'] } } }],
    onModeEnter() {
      calls.push('base-enter');
    },
    onModeExit() {
      calls.push('base-exit');
    },
  };
  const extended = extendSegmentationMode(base);
  assert.equal(extended.id, MODE_ID);
  assert.equal(extended.routeName, 'steganography');
  assert.deepEqual(extended.routes[0].layoutInstance.props.rightPanels, ['@medstego/ohif-extension.panelModule.stego', 'seg-panel']);
  assert.deepEqual(extended.routes[0].layoutInstance.props.leftPanels, ['thumbs']);
  assert.ok('@ohif/extension-cornerstone' in extended.extensions && '@medstego/ohif-extension' in extended.extensions);
  assert.deepEqual(base.routes[0]!.layoutInstance.props.rightPanels, ['seg-panel'], 'the base mode is not mutated');

  let section: string[] = [];
  const toolbarService = {
    addButtons: (buttons: unknown[]) => calls.push(`add:${buttons.length}`),
    getButtonSection: () => [{ id: 'WindowLevel' }, { id: 'MedstegoSegment' }],
    updateSection: (_name: string, ids: string[]) => (section = ids),
  };
  const context = { servicesManager: { services: { toolbarService, panelService: { activatePanel: () => calls.push('panel') } } }, extensionManager: {}, commandsManager: {} };
  extended.onModeEnter!.call(extended, context);
  extended.onModeExit!.call(extended, context);
  assert.deepEqual(calls, ['base-enter', `add:${MEDSTEGO_BUTTONS.length}`, 'panel', 'base-exit']);
  assert.deepEqual(section, ['WindowLevel', ...MEDSTEGO_BUTTON_IDS], 'each button once, after the existing ones');
});

test('modeFactory builds on @ohif/mode-segmentation loaded through the viewer', async () => {
  const segmentation = {
    modeInstance: { routes: [{ layoutInstance: { props: { rightPanels: [] } } }], extensions: {} },
    modeFactory(this: { modeInstance: Record<string, unknown> }) {
      return this.modeInstance;
    },
  };
  const requested: string[][] = [];
  const instance = await mode.modeFactory({ loadModules: async (names) => (requested.push(names), [segmentation]) });
  assert.deepEqual(requested, [['@ohif/mode-segmentation']]);
  assert.equal(instance.routeName, 'steganography');
  await assert.rejects(mode.modeFactory({ loadModules: async () => [{}] }), /needs @ohif\/mode-segmentation/);
});

test('every toolbar button runs a command the extension defines', () => {
  const commands = createCommandsModule({
    servicesManager: { services: {} as never },
    commandsManager: { runCommand: () => undefined },
    service: new MedstegoService({ createSegmenter: async () => createThresholdSegmenter() }),
  });
  for (const button of MEDSTEGO_BUTTONS) assert.ok(button.props.commands in commands.definitions, button.id);
});

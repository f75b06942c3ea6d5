/**
 * The Steganography panel, in plain DOM: key (memory only), profile, optional payload, the
 * figures of the last Embed, and the revealed payload with its QR image shown only on request.
 * It renders MedstegoService state and forwards input to it; it holds no domain logic.
 */
import type { MedstegoService, MedstegoState } from '../services/MedstegoService.ts';
import { embedSummaryRows } from '../logic/summarizeEmbed.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const STYLE = `
.medstego-panel { padding: 8px 10px; color: #d6e1ee; font-size: 13px; display: flex; flex-direction: column; gap: 8px; }
.medstego-panel label { display: flex; flex-direction: column; gap: 2px; color: #9fb3c8; font-size: 12px; }
.medstego-panel input, .medstego-panel select, .medstego-panel textarea { background: #0b1a2b; color: #e8f0f8; border: 1px solid #2a4a6b; border-radius: 4px; padding: 4px 6px; font-size: 13px; }
.medstego-panel button { background: #1e3a5a; color: #e8f0f8; border: 1px solid #35628f; border-radius: 4px; padding: 3px 8px; cursor: pointer; }
.medstego-panel table { border-collapse: collapse; width: 100%; }
.medstego-panel td { padding: 1px 4px; border-bottom: 1px solid #1c3148; vertical-align: top; }
.medstego-panel td:first-child { color: #9fb3c8; white-space: nowrap; }
.medstego-panel .medstego-error { color: #ff8a8a; }
.medstego-panel .medstego-note { color: #7f93a8; font-size: 11px; }
.medstego-panel h3 { margin: 4px 0 0; font-size: 13px; color: #5acce6; }
`;

export class StegoPanel {
  readonly root: HTMLDivElement;
  readonly #status = element('div', { 'data-cy': 'medstego-status' });
  readonly #error = element('div', { class: 'medstego-error', 'data-cy': 'medstego-error', role: 'alert' });
  readonly #results = element('div', { 'data-cy': 'medstego-results' });
  readonly #revealed = element('div', { 'data-cy': 'medstego-revealed' });
  readonly #unsubscribe: () => void;

  constructor(private readonly service: MedstegoService) {
    this.root = element('div', { class: 'medstego-panel', 'data-cy': 'medstego-panel' });
    this.root.append(element('style', {}, STYLE));

    const key = element('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', 'data-cy': 'medstego-key', placeholder: 'kept in memory only' });
    // The panel is re-created when its tab is shown again: restore what was typed.
    key.value = service.typedKey;
    key.addEventListener('input', () => service.setKey(key.value));
    const profile = element('select', { 'data-cy': 'medstego-profile' });
    for (const name of service.profiles) profile.append(element('option', { value: name }, name));
    profile.value = service.profile;
    profile.addEventListener('change', () => service.setProfile(profile.value));
    const payload = element('textarea', { rows: '3', 'data-cy': 'medstego-payload', placeholder: 'empty: the image\'s identity fields; or JSON, e.g. {"PatientName": "…"}' });
    payload.value = service.payloadText;
    payload.addEventListener('input', () => service.setPayloadText(payload.value));

    const keyLabel = element('label', {}, 'Key');
    keyLabel.append(key);
    const profileLabel = element('label', {}, 'Profile');
    profileLabel.append(profile);
    const payloadLabel = element('label', {}, 'Payload');
    payloadLabel.append(payload);
    this.root.append(
      keyLabel,
      profileLabel,
      payloadLabel,
      this.#status,
      this.#error,
      this.#results,
      this.#revealed,
      element('div', { class: 'medstego-note' }, 'Research software, not for clinical use. Images, key and payload stay in this browser tab.'),
    );
    this.#unsubscribe = service.subscribe((state) => this.#render(state));
    this.#render(service.state);
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #render(state: MedstegoState): void {
    // For people and tests alike: is an operation still running?
    this.root.dataset.busy = state.busy ? 'true' : 'false';
    this.#status.textContent = state.status;
    this.#error.textContent = state.error ?? '';
    this.#results.replaceChildren();
    if (state.embed) {
      const table = element('table');
      for (const [label, value] of embedSummaryRows(state.embed)) {
        const row = element('tr');
        row.append(element('td', {}, label), element('td', {}, value));
        table.append(row);
      }
      this.#results.append(element('h3', {}, 'Last embed'), table);
    }
    this.#revealed.replaceChildren();
    if (state.revealed && state.revealShown) {
      const table = element('table', { 'data-cy': 'medstego-revealed-fields' });
      for (const [field, value] of Object.entries(state.revealed)) {
        const row = element('tr');
        row.append(element('td', {}, field), element('td', {}, value));
        table.append(row);
      }
      const hide = element('button', { 'data-cy': 'medstego-hide-revealed' }, 'Hide');
      hide.addEventListener('click', () => this.service.hideRevealed());
      this.#revealed.append(element('h3', {}, 'Revealed payload'), table, hide);
      if (state.qr) this.#revealed.append(this.#qrCanvas(state.qr));
      else {
        const showQr = element('button', { 'data-cy': 'medstego-show-qr' }, 'Show QR code');
        showQr.addEventListener('click', () => this.service.showQr());
        this.#revealed.append(showQr);
      }
    }
  }

  #qrCanvas(qr: NonNullable<MedstegoState['qr']>): HTMLCanvasElement {
    const canvas = element('canvas', { 'data-cy': 'medstego-qr', style: 'display:block;margin-top:6px;image-rendering:pixelated;background:#fff' });
    canvas.width = qr.width;
    canvas.height = qr.height;
    const context = canvas.getContext('2d');
    if (context) {
      const rgba = context.createImageData(qr.width, qr.height);
      for (let i = 0; i < qr.data.length; i++) {
        rgba.data[4 * i] = rgba.data[4 * i + 1] = rgba.data[4 * i + 2] = qr.data[i]!;
        rgba.data[4 * i + 3] = 255;
      }
      context.putImageData(rgba, 0, 0);
    }
    return canvas;
  }
}

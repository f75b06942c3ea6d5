/**
 * The one module that talks to the medstego core (src/): segment, embed and extract on DICOM bytes.
 * Panels and commands never hold domain logic; they hand bytes and masks here and render the state
 * this service publishes. The key typed in the panel lives only in this object's memory: it is
 * never stored, logged, put in a URL or sent anywhere.
 */
import { embedDicom, extractDicom, PROFILE_NAMES, type ExtractDicomOptions, type ProfileName } from '../../../src/workflow/index.ts';
import { MedstegoError } from '../../../src/errors/index.ts';
import { readDicom, type DicomSlice } from '../../../src/dicom/index.ts';
import type { BodyMask, Segmenter } from '../../../src/segmentation/index.ts';
import { parsePayloadJson, type PayloadFields } from '../../../src/payload/index.ts';
import { encodeQrModules, renderQrGray, type GrayImage } from '../../../src/qr/index.ts';
import { deriveKeys, importKeyMaterial, type MedstegoKeys } from '../../../src/crypto/index.ts';
import type { CodecLoaderOptions } from '../../../src/dicom/index.ts';
import { describeFailure } from '../logic/describeFailure.ts';
import { summarizeEmbed, type EmbedSummary } from '../logic/summarizeEmbed.ts';

export interface MedstegoState {
  readonly busy: string | undefined;
  readonly status: string;
  readonly error: string | undefined;
  readonly segmenterName: string | undefined;
  readonly segmentMs: number | undefined;
  readonly embed: EmbedSummary | undefined;
  /** Fields recovered by the last Reveal; shown only while `revealShown` is true. */
  readonly revealed: PayloadFields | undefined;
  readonly revealShown: boolean;
  readonly qr: GrayImage | undefined;
  readonly hasStego: boolean;
}

export interface StegoResult {
  readonly output: Uint8Array;
  readonly cover: DicomSlice;
  readonly sopInstanceUid: string;
}

export interface MedstegoServiceOptions {
  readonly createSegmenter: () => Promise<Segmenter>;
  readonly codecs?: CodecLoaderOptions;
}

const INITIAL: MedstegoState = {
  busy: undefined,
  status: 'Open a CT or MR slice, then Segment.',
  error: undefined,
  segmenterName: undefined,
  segmentMs: undefined,
  embed: undefined,
  revealed: undefined,
  revealShown: false,
  qr: undefined,
  hasStego: false,
};

export class MedstegoService {
  #state: MedstegoState = INITIAL;
  readonly #listeners = new Set<(state: MedstegoState) => void>();
  #segmenter: Promise<Segmenter> | undefined;
  #key = '';
  /** Sub-keys of the last key typed (PBKDF2 is slow on purpose: derive once per key). */
  #derived: { readonly key: string; readonly keys: Promise<MedstegoKeys> } | undefined;
  #profile: ProfileName = PROFILE_NAMES[0]!;
  #payloadText = '';
  #lastStego: StegoResult | undefined;
  #lastQr: { modules: Uint8Array; size: number } | undefined;

  constructor(private readonly options: MedstegoServiceOptions) {}

  get state(): MedstegoState {
    return this.#state;
  }

  get profiles(): readonly ProfileName[] {
    return PROFILE_NAMES;
  }

  get profile(): ProfileName {
    return this.#profile;
  }

  /** For the panel to show what was typed after it is re-mounted (the key stays in memory only). */
  get typedKey(): string {
    return this.#key;
  }

  get payloadText(): string {
    return this.#payloadText;
  }

  get lastStego(): StegoResult | undefined {
    return this.#lastStego;
  }

  subscribe(listener: (state: MedstegoState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setKey(key: string): void {
    this.#key = key;
    if (this.#derived?.key !== key) this.#derived = undefined;
  }

  /** The sub-keys for a keyed profile; undefined for `paper`, which has no key. */
  async #keysFor(profile: ProfileName): Promise<MedstegoKeys | undefined> {
    if (profile === 'paper') return undefined;
    if (this.#key === '') throw new MedstegoError('KEY_INVALID', 'This profile needs a key.');
    const key = this.#key;
    if (this.#derived?.key !== key) {
      const keys = importKeyMaterial(key).then(deriveKeys);
      keys.catch(() => (this.#derived = undefined));
      this.#derived = { key, keys };
    }
    return this.#derived.keys;
  }

  setProfile(profile: string): void {
    if ((PROFILE_NAMES as readonly string[]).includes(profile)) this.#profile = profile as ProfileName;
  }

  setPayloadText(text: string): void {
    this.#payloadText = text;
  }

  /** Forget everything about the current study (mode exit). */
  reset(): void {
    this.#key = '';
    this.#derived = undefined;
    this.#payloadText = '';
    this.#lastStego = undefined;
    this.#lastQr = undefined;
    this.#update(INITIAL);
  }

  segmenter(): Promise<Segmenter> {
    this.#segmenter ??= this.options.createSegmenter().catch((error: unknown) => {
      this.#segmenter = undefined;
      throw error;
    });
    return this.#segmenter;
  }

  /** Run `task` as the one busy operation, turning failures into a clear message (never a throw). */
  async run<T>(label: string, task: () => Promise<T>): Promise<T | undefined> {
    if (this.#state.busy) return undefined;
    this.#update({ busy: label, status: `${label}…`, error: undefined });
    try {
      return await task();
    } catch (error) {
      this.#update({ error: describeFailure(error), status: `${label} failed.` });
      return undefined;
    } finally {
      this.#update({ busy: undefined });
    }
  }

  /** The body mask of one DICOM slice (1 = body), with the segmenter's name and its time. */
  async segment(bytes: Uint8Array): Promise<{ mask: BodyMask; rows: number; cols: number; segmenterName: string; ms: number }> {
    const slice = await readDicom(bytes, { codecs: this.options.codecs });
    const segmenter = await this.segmenter();
    const start = performance.now();
    const mask = await segmenter.segment(slice.image);
    const ms = performance.now() - start;
    return { mask, rows: slice.image.rows, cols: slice.image.cols, segmenterName: segmenter.name, ms };
  }

  noteSegmented(segmenterName: string, clickToMaskMs: number, segmenterMs: number): void {
    this.#update({
      segmenterName,
      segmentMs: clickToMaskMs,
      status: `Mask shown ${Math.round(clickToMaskMs)} ms after the click (${segmenterName} segmenter: ${Math.round(segmenterMs)} ms). Correct it with the brush, then Embed.`,
    });
  }

  /** Hide the slice's identity (or the panel's payload) in the region the mask leaves free. */
  async embed(bytes: Uint8Array, mask: BodyMask | undefined): Promise<StegoResult> {
    const segmenter = await this.segmenter();
    const payloadFields = this.#payloadText.trim() === '' ? undefined : parsePayloadJson(this.#payloadText);
    const keys = await this.#keysFor(this.#profile);
    const start = performance.now();
    const result = await embedDicom(bytes, {
      segmenter,
      profile: this.#profile,
      ...(keys ? { keys } : {}),
      ...(mask ? { mask } : {}),
      ...(payloadFields ? { payloadFields } : {}),
    });
    const browserMs = performance.now() - start;
    const stego: StegoResult = { output: result.output, cover: result.cover, sopInstanceUid: (await readDicom(result.output, { codecs: this.options.codecs })).sopInstanceUid };
    this.#lastStego = stego;
    const summary = summarizeEmbed(result.report, result.payloadText.length, browserMs);
    this.#update({ embed: summary, hasStego: true, status: `Embedded with the ${summary.profile} profile in ${Math.round(browserMs)} ms; the stego image is shown beside the cover. Export to download it.` });
    return stego;
  }

  /** Extract the payload of a stego slice; the fields stay hidden until showRevealed(). */
  async reveal(bytes: Uint8Array): Promise<PayloadFields> {
    // A failed attempt must not leave an earlier payload on screen.
    this.#lastQr = undefined;
    this.#update({ revealed: undefined, revealShown: false, qr: undefined });
    const segmenter = await this.segmenter();
    // Keyed extraction tries the keys; without a key only the unkeyed `paper` payload can be found.
    const keys = this.#key === '' ? undefined : await this.#keysFor('fidelity');
    const options: ExtractDicomOptions = { segmenter, ...(keys ? { keys } : {}) };
    const result = await extractDicom(bytes, options);
    // `paper` hides a QR code; keyed profiles hide the sealed JSON, shown as a QR code on request.
    if (result.qrModules && result.qrSize) this.#lastQr = { modules: result.qrModules, size: result.qrSize };
    else this.#lastQr = encodeQrModules(JSON.stringify(result.payload));
    const integrity = result.integrity
      ? result.integrity.intact
        ? ' Authenticated with the key; the image is unchanged.'
        : ` Authenticated with the key after repairing ${result.integrity.correctedSymbols} symbols (the image was altered).`
      : '';
    this.#update({ revealed: result.payload, revealShown: true, qr: undefined, status: `Payload revealed (${result.profile} profile).${integrity}` });
    return result.payload;
  }

  /** What Export did (downloaded, stored in the PACS): a sentence without patient data. */
  noteExported(status: string): void {
    this.#update({ status });
  }

  showQr(): void {
    if (!this.#lastQr) return;
    this.#update({ qr: renderQrGray(this.#lastQr.modules, this.#lastQr.size, { scale: 4 }) });
  }

  hideRevealed(): void {
    this.#lastQr = undefined;
    this.#update({ revealed: undefined, revealShown: false, qr: undefined, status: 'Revealed payload hidden.' });
  }

  #update(patch: Partial<MedstegoState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

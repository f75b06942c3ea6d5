/**
 * All DICOMweb protocol of the extension in one place: retrieve one instance's Part 10 bytes by
 * WADO-RS (for Segment, Embed and Reveal on images of the `dicomweb` data source) and store a stego
 * instance by STOW-RS (Export). Callers pass same-origin URLs (see instanceSource / stowEndpoint);
 * the host's authorization header, when it has one, goes with each request as OHIF's own do.
 */
import { decodeMultipartRelated, encodeMultipartRelated, boundaryFrom, contentTypeParameters } from '../logic/multipartRelated.ts';
import { readStowResponse, type StowOutcome } from '../logic/readStowResponse.ts';

export interface DicomWebClientOptions {
  readonly fetch?: typeof fetch;
  /** Extra request headers, e.g. OHIF's `userAuthenticationService.getAuthorizationHeader()`. */
  readonly headers?: () => Record<string, string> | undefined;
  readonly randomBytes?: (length: number) => Uint8Array;
}

const DICOM = 'application/dicom';

export class DicomWebClient {
  readonly #fetch: typeof fetch;
  readonly #headers: () => Record<string, string> | undefined;
  readonly #randomBytes: (length: number) => Uint8Array;

  constructor(options: DicomWebClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers ?? (() => undefined);
    this.#randomBytes = options.randomBytes ?? ((length) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  }

  /** The Part 10 bytes of one instance, as stored (`transfer-syntax=*`: no transcoding). */
  async retrieveInstance(instanceUrl: string): Promise<Uint8Array> {
    const response = await this.#fetch(instanceUrl, {
      credentials: 'same-origin',
      headers: { ...this.#headers(), Accept: `multipart/related; type="${DICOM}"; transfer-syntax=*` },
    });
    if (!response.ok) throw new Error(`Retrieving the image's DICOM instance by WADO-RS failed (HTTP ${response.status}).`);
    const body = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    // A server may answer a single instance as a bare Part 10 file.
    if (contentTypeParameters(contentType).mediaType === DICOM) return body;
    const parts = decodeMultipartRelated(body, contentType);
    if (parts.length !== 1) throw new Error(`WADO-RS answered ${parts.length} parts for one instance.`);
    return parts[0]!.body;
  }

  /** Store Part 10 files with one STOW-RS request; the outcome says whether every one was stored. */
  async storeInstances(studiesUrl: string, instances: ReadonlyArray<{ readonly bytes: Uint8Array; readonly sopInstanceUid: string }>): Promise<StowOutcome> {
    const { body, contentType } = this.#encode(instances.map((instance) => instance.bytes));
    const response = await this.#fetch(studiesUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...this.#headers(), 'Content-Type': contentType, Accept: 'application/dicom+json' },
      body: body as Uint8Array<ArrayBuffer>,
    });
    return readStowResponse(
      response.status,
      response.statusText,
      await response.text(),
      instances.map((instance) => instance.sopInstanceUid),
    );
  }

  #encode(parts: Uint8Array[]) {
    // A random 16-byte boundary occurring inside a DICOM file is vanishingly rare; draw again if so.
    for (let attempt = 0; ; attempt++) {
      try {
        return encodeMultipartRelated(parts, DICOM, boundaryFrom(this.#randomBytes(16)));
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }
}

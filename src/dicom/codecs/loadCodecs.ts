/**
 * The one place that knows how the WASM codecs are found and started: the only platform-specific
 * part of DICOM decoding. In Node the Emscripten glue of each package reads its own `.wasm` next to
 * it; a browser serves the `.wasm` files and passes `locateFile` (or the binaries themselves).
 * Each codec is initialised once, on first use; the promise is cached so concurrent reads share it.
 */

/** Options a host passes to find the codec binaries. Only the first call that starts a codec counts. */
export interface CodecLoaderOptions {
  /** Emscripten's hook: file name of a `.wasm` (e.g. 'charlswasm_decode.wasm') -> URL or path. */
  readonly locateFile?: (fileName: string, scriptDirectory: string) => string;
  /** The `.wasm` bytes, for hosts that fetch or bundle them themselves. */
  readonly wasmBinaries?: {
    readonly charls?: ArrayBuffer | Uint8Array;
    readonly openjpeg?: ArrayBuffer | Uint8Array;
    readonly libjpegTurbo?: ArrayBuffer | Uint8Array;
  };
}

/** The embind decoder classes of the three cornerstone codec builds share this shape. */
export interface WasmFrameDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned?: boolean };
  delete(): void;
}

export interface CharlsModule {
  JpegLSDecoder: new () => WasmFrameDecoder;
}
export interface OpenJpegModule {
  J2KDecoder: new () => WasmFrameDecoder;
}
export interface LibJpegTurboModule {
  JPEGDecoder: new () => WasmFrameDecoder;
}

type EmscriptenFactory<T> = (moduleArg?: Record<string, unknown>) => Promise<T>;

function moduleArguments(options: CodecLoaderOptions | undefined, binary: ArrayBuffer | Uint8Array | undefined): Record<string, unknown> {
  const moduleArg: Record<string, unknown> = {
    // Emscripten prints to the console by default; the core never logs.
    print: () => {},
    printErr: () => {},
  };
  if (options?.locateFile) moduleArg.locateFile = options.locateFile;
  if (binary) moduleArg.wasmBinary = binary;
  return moduleArg;
}

/** The packages are CommonJS: Node's ESM loader and bundlers put the factory in different places. */
function factoryOf<T>(imported: unknown): EmscriptenFactory<T> {
  const candidate = imported as { default?: unknown };
  const factory = typeof candidate === 'function' ? candidate : candidate.default;
  if (typeof factory === 'function') return factory as EmscriptenFactory<T>;
  const nested = (factory as { default?: unknown } | undefined)?.default;
  if (typeof nested === 'function') return nested as EmscriptenFactory<T>;
  throw new TypeError('codec package does not export an Emscripten factory');
}

let charls: Promise<CharlsModule> | undefined;
let openjpeg: Promise<OpenJpegModule> | undefined;
let libjpegTurbo: Promise<LibJpegTurboModule> | undefined;

/** Forget a failed start so a later read can retry instead of failing forever. */
function retryable<T>(start: () => Promise<T>, clear: () => void): Promise<T> {
  const promise = start();
  promise.catch(clear);
  return promise;
}

export function loadCharls(options?: CodecLoaderOptions): Promise<CharlsModule> {
  charls ??= retryable(
    async () => factoryOf<CharlsModule>(await import('@cornerstonejs/codec-charls/decodewasmjs'))(moduleArguments(options, options?.wasmBinaries?.charls)),
    () => (charls = undefined),
  );
  return charls;
}

export function loadOpenJpeg(options?: CodecLoaderOptions): Promise<OpenJpegModule> {
  openjpeg ??= retryable(
    async () =>
      factoryOf<OpenJpegModule>(await import('@cornerstonejs/codec-openjpeg/decodewasmjs'))(moduleArguments(options, options?.wasmBinaries?.openjpeg)),
    () => (openjpeg = undefined),
  );
  return openjpeg;
}

export function loadLibJpegTurbo(options?: CodecLoaderOptions): Promise<LibJpegTurboModule> {
  libjpegTurbo ??= retryable(
    async () =>
      factoryOf<LibJpegTurboModule>(await import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'))(
        moduleArguments(options, options?.wasmBinaries?.libjpegTurbo),
      ),
    () => (libjpegTurbo = undefined),
  );
  return libjpegTurbo;
}

/**
 * The small part of dcmjs medstego uses, typed (dcmjs ships no type declarations), plus a way to
 * run dcmjs code with its logger silenced: the core never prints, and dcmjs warns through its own
 * loglevel instance. The level is restored afterwards so a host application (OHIF also uses
 * dcmjs) keeps its own logging.
 */
import dcmjsDefault from 'dcmjs';

/** One attribute of a denaturalized dcmjs dict: VR plus values (raw bytes for binary VRs). */
export interface DcmjsElement {
  vr: string;
  Value: unknown[];
  _rawValue?: unknown;
  [key: string]: unknown;
}

export type DcmjsDict = Record<string, DcmjsElement>;

export interface DcmjsDicomDict {
  meta: DcmjsDict;
  dict: DcmjsDict;
  write(options?: { allowInvalidVRLength?: boolean; fragmentMultiframe?: boolean }): ArrayBuffer;
}

interface Logger {
  getLevel(): number;
  setLevel(level: number | string, persist?: boolean): void;
}

interface DcmjsApi {
  data: {
    DicomMessage: {
      readFile(
        buffer: ArrayBuffer,
        options?: { ignoreErrors?: boolean; untilTag?: string | null; noCopy?: boolean; forceStoreRaw?: boolean },
      ): DcmjsDicomDict;
    };
    DicomMetaDictionary: {
      nameMap: Record<string, { tag: string; vr: string; vm: string; name: string } | undefined>;
      naturalizeDataset(dict: DcmjsDict): Record<string, unknown>;
    };
  };
  log: Logger & { getLoggers(): Record<string, Logger> };
}

export const dcmjs = dcmjsDefault as unknown as DcmjsApi;

/** Run `action` with every dcmjs logger silent, restoring their levels afterwards. */
export function withDcmjsSilenced<T>(action: () => T): T {
  const loggers: Logger[] = [dcmjs.log, ...Object.values(dcmjs.log.getLoggers())];
  const levels = loggers.map((logger) => logger.getLevel());
  // persist = false: loglevel would otherwise write the level into the browser's localStorage.
  for (const logger of loggers) logger.setLevel('silent', false);
  try {
    return action();
  } finally {
    loggers.forEach((logger, index) => logger.setLevel(levels[index]!, false));
  }
}

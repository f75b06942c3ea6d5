/**
 * What a STOW-RS answer means (PS3.18 §10.5.3): 200 with every instance in the Referenced SOP
 * Sequence (0008,1199) is stored; 202 or a Failed SOP Sequence (0008,1198) with its Failure Reason
 * (0008,1197) codes is a partial failure; 4xx/5xx a refusal. The summary carries only the HTTP
 * status and numeric codes, never the server's text, which may echo patient data.
 */
export interface StowOutcome {
  readonly stored: boolean;
  readonly status: number;
  /** For the panel: e.g. "HTTP 409 Conflict, failure reason 0xA700". */
  readonly summary: string;
  readonly storedSopInstanceUids: readonly string[];
  readonly failureReasons: readonly number[];
}

type DicomJsonDataset = Record<string, { Value?: unknown[] } | undefined>;

function sequence(dataset: DicomJsonDataset | undefined, tag: string): DicomJsonDataset[] {
  return ((dataset?.[tag]?.Value ?? []) as DicomJsonDataset[]).filter((item) => item && typeof item === 'object');
}

function parseDataset(bodyText: string): DicomJsonDataset | undefined {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const dataset = Array.isArray(parsed) ? parsed[0] : parsed;
    return dataset && typeof dataset === 'object' ? (dataset as DicomJsonDataset) : undefined;
  } catch {
    return undefined;
  }
}

export function readStowResponse(status: number, statusText: string, bodyText: string, expectedSopInstanceUids: readonly string[]): StowOutcome {
  const dataset = parseDataset(bodyText);
  const storedSopInstanceUids = sequence(dataset, '00081199').flatMap((item) => (item['00081155']?.Value ?? []).map(String));
  const failureReasons = sequence(dataset, '00081198').flatMap((item) => (item['00081197']?.Value ?? []).map(Number));
  const allStored = expectedSopInstanceUids.every((uid) => storedSopInstanceUids.includes(uid));
  const stored = status === 200 && failureReasons.length === 0 && allStored;
  const reasons = failureReasons.map((code) => `0x${code.toString(16).toUpperCase().padStart(4, '0')}`);
  const summary = [`HTTP ${status}${statusText ? ` ${statusText}` : ''}`, ...(reasons.length ? [`failure reason ${reasons.join(', ')}`] : []), ...(status === 200 && !allStored && reasons.length === 0 ? ['the server did not confirm the instance'] : [])].join(', ');
  return { stored, status, summary, storedSopInstanceUids, failureReasons };
}

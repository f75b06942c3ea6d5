import { readDicom } from '../../dicom/index.ts';
import { backgroundFraction, extractDicom, probeKeyedProfiles } from '../../workflow/index.ts';
import { KEYED_PROFILES, paperCapacityBits } from '../../stego/index.ts';
import { isMedstegoError } from '../../errors/index.ts';
import { planJobs, readFileBytes } from '../fileSystem.ts';
import { runBatch } from '../runBatch.ts';
import { createSegmenterByName } from '../segmenters.ts';
import type { CommandContext } from '../arguments.ts';
import { loadKeys } from '../loadKeys.ts';

export interface InspectArguments {
  readonly input: string;
  readonly segmenter: string;
  readonly model?: string;
  readonly keyFile?: string;
  readonly json: boolean;
}

/**
 * `medstego inspect`: what each file could carry (capacity per profile, insignificant fraction) and
 * whether it carries a medstego payload. Keyed headers are found without the key; with the key the
 * payload is opened and its profile, size and integrity reported, never its content.
 */
export async function inspectCommand(args: InspectArguments, context: CommandContext): Promise<number> {
  const segmenter = createSegmenterByName(args.segmenter, args.model);
  const keys = await loadKeys(args.keyFile, context.env ?? process.env);
  const { jobs, skipped } = await planJobs(args.input, undefined);
  return runBatch(
    jobs,
    async (job) => {
      const bytes = await readFileBytes(job.input);
      const slice = await readDicom(bytes);
      const mask = await segmenter.segment(slice.image);
      const capacity: Record<string, number> = { paperBits: paperCapacityBits(slice.image, mask) };
      for (const profile of Object.values(KEYED_PROFILES)) {
        if (profile) capacity[`${profile.name}Bytes`] = profile.capacityBytes(slice.image, mask);
      }
      const payload = await inspectPayload(bytes, slice.image, segmenter, keys);
      const record = {
        rows: slice.image.rows,
        cols: slice.image.cols,
        bitsStored: slice.image.bitsStored,
        backgroundFraction: Math.round(backgroundFraction(mask) * 10000) / 10000,
        capacity,
        payload,
      };
      const capacityText = Object.entries(capacity).map(([name, value]) => `${name} ${value}`).join(', ');
      return { record, human: `${job.relative}: ${slice.image.rows}×${slice.image.cols}, background ${(record.backgroundFraction * 100).toFixed(1)}%, capacity ${capacityText}; ${describePayload(payload)}` };
    },
    { json: args.json, label: 'inspect', skipped, ...context },
  );
}

type PayloadReport = Record<string, string | number | boolean>;

async function inspectPayload(bytes: Uint8Array, image: Parameters<typeof probeKeyedProfiles>[0], segmenter: ReturnType<typeof createSegmenterByName>, keys: Awaited<ReturnType<typeof loadKeys>>): Promise<PayloadReport> {
  const found = probeKeyedProfiles(image);
  if (found) {
    const report: PayloadReport = { present: true, profile: found.profile.name, sealedBytes: found.sealedBytes };
    if (!keys) return { ...report, authenticated: 'no key given' };
    try {
      const result = await extractDicom(bytes, { segmenter, keys, profile: found.profile.name });
      return { ...report, authenticated: true, payloadBytes: result.payloadBytes, intact: result.integrity?.intact ?? false, correctedSymbols: result.integrity?.correctedSymbols ?? 0 };
    } catch (error) {
      if (!isMedstegoError(error)) throw error;
      return { ...report, authenticated: false, errorCode: error.code };
    }
  }
  try {
    const result = await extractDicom(bytes, { segmenter, ...(keys ? { keys } : {}) });
    return { present: true, profile: result.profile, payloadBytes: result.payloadBytes, authenticated: result.integrity?.authenticated ?? false };
  } catch (error) {
    if (isMedstegoError(error, 'EXTRACT_NO_PAYLOAD') || isMedstegoError(error, 'QR_DECODE_FAILED')) return { present: false };
    if (!isMedstegoError(error)) throw error;
    return { present: false, errorCode: error.code };
  }
}

function describePayload(payload: PayloadReport): string {
  if (!payload.present) return 'no medstego payload found';
  const parts = [`${payload.profile} payload present`];
  if (payload.sealedBytes !== undefined) parts.push(`${payload.sealedBytes} sealed bytes`);
  if (payload.authenticated === true) parts.push(`authenticated${payload.intact === false ? `, ${payload.correctedSymbols} symbol(s) repaired` : ', intact'}`);
  else if (payload.authenticated === false) parts.push(`NOT authenticated (${payload.errorCode ?? 'no authentication in this profile'})`);
  else parts.push(String(payload.authenticated));
  return parts.join(', ');
}

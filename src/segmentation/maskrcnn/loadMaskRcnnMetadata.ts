/**
 * The Mask R-CNN's metadata (`models/body-maskrcnn.json`, written by the export script) checked
 * against the model contract v1 this runner implements (.scratch contract, also in README.md here):
 * one float32 input [1, 1, S, S] (S = 256) pre-processed by preprocessSlice 'v1', four outputs
 * (boxes, labels, scores, masks), a score and a mask threshold. A model exported for another
 * contract must fail at load with MODEL_INVALID, not produce wrong masks later. Keys this runner does
 * not need (training facts, metrics) are ignored.
 */
import { MedstegoError } from '../../errors/index.ts';
import { MASKRCNN_INPUT_SIZE, PREPROCESSING_ID } from './preprocessSlice.ts';

export const MASKRCNN_CONTRACT_VERSION = 1;

export interface MaskRcnnOutputNames {
  readonly boxes: string;
  readonly labels: string;
  readonly scores: string;
  readonly masks: string;
}

export interface MaskRcnnMetadata {
  readonly contractVersion: typeof MASKRCNN_CONTRACT_VERSION;
  readonly preprocessing: typeof PREPROCESSING_ID;
  readonly inputName: string;
  /** Side of the square input canvas (contract v1: 256). */
  readonly inputSize: number;
  readonly outputNames: MaskRcnnOutputNames;
  /** Instances scoring below this are ignored (contract default 0.5). */
  readonly scoreThreshold: number;
  /** Probability above which a pixel of the union is body (contract default 0.5). */
  readonly maskThreshold: number;
}

function invalid(message: string, field: string): MedstegoError {
  return new MedstegoError('MODEL_INVALID', `Mask R-CNN metadata: ${message}`, { field });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid(`${field} must be a non-empty string`, field);
  return value;
}

function readThreshold(value: unknown, field: string): number {
  if (value === undefined) return 0.5;
  if (typeof value !== 'number' || !(value > 0 && value < 1)) throw invalid(`${field} must be a number in (0, 1), got ${JSON.stringify(value)}`, field);
  return value;
}

/** Input name and size: `input: { name, shape: [1, 1, S, S] }`, or flat `inputName` / `inputSize`. */
function readInput(json: Record<string, unknown>): { inputName: string; inputSize: number } {
  const input = isRecord(json.input) ? json.input : {};
  const inputName = readName(input.name ?? json.inputName ?? 'image', 'input.name');
  const shape = input.shape ?? (json.inputSize === undefined ? undefined : [1, 1, json.inputSize, json.inputSize]);
  if (shape === undefined) return { inputName, inputSize: MASKRCNN_INPUT_SIZE };
  if (!Array.isArray(shape) || shape.length !== 4 || shape[0] !== 1 || shape[1] !== 1 || shape[2] !== MASKRCNN_INPUT_SIZE || shape[3] !== MASKRCNN_INPUT_SIZE) {
    throw invalid(`input shape must be [1, 1, ${MASKRCNN_INPUT_SIZE}, ${MASKRCNN_INPUT_SIZE}] (contract v1), got ${JSON.stringify(shape)}`, 'input.shape');
  }
  return { inputName, inputSize: MASKRCNN_INPUT_SIZE };
}

/** Output names: an object { boxes, labels, scores, masks } or the list of the four names. */
function readOutputs(value: unknown): MaskRcnnOutputNames {
  const roles = ['boxes', 'labels', 'scores', 'masks'] as const;
  if (value === undefined) return { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' };
  if (Array.isArray(value)) {
    for (const role of roles) if (!value.includes(role)) throw invalid(`outputs must include "${role}", got ${JSON.stringify(value)}`, 'outputs');
    return { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' };
  }
  if (!isRecord(value)) throw invalid('outputs must be an object or a list of names', 'outputs');
  return {
    boxes: readName(value.boxes, 'outputs.boxes'),
    labels: readName(value.labels, 'outputs.labels'),
    scores: readName(value.scores, 'outputs.scores'),
    masks: readName(value.masks, 'outputs.masks'),
  };
}

/**
 * Validates the metadata (parsed JSON, or its text) and returns the runner's view of it.
 * Throws MedstegoError MODEL_INVALID, with the offending field in `details.field`.
 */
export function loadMaskRcnnMetadata(source: unknown): MaskRcnnMetadata {
  let json = source;
  if (typeof source === 'string') {
    try {
      json = JSON.parse(source);
    } catch (error) {
      throw new MedstegoError('MODEL_INVALID', `Mask R-CNN metadata is not JSON: ${(error as Error).message}`, { field: '' }, { cause: error });
    }
  }
  if (!isRecord(json)) throw invalid('must be a JSON object', '');
  const version = json.contractVersion ?? json.contract_version;
  if (version !== MASKRCNN_CONTRACT_VERSION) throw invalid(`contractVersion must be ${MASKRCNN_CONTRACT_VERSION}, got ${JSON.stringify(version)}`, 'contractVersion');
  const preprocessing = json.preprocessing;
  const preprocessingId = isRecord(preprocessing) ? preprocessing.id ?? preprocessing.version : preprocessing;
  if (preprocessingId !== PREPROCESSING_ID) throw invalid(`preprocessing must be "${PREPROCESSING_ID}", got ${JSON.stringify(preprocessingId)}`, 'preprocessing');
  const { inputName, inputSize } = readInput(json);
  return {
    contractVersion: MASKRCNN_CONTRACT_VERSION,
    preprocessing: PREPROCESSING_ID,
    inputName,
    inputSize,
    outputNames: readOutputs(json.outputs),
    scoreThreshold: readThreshold(json.scoreThreshold ?? json.score_threshold, 'scoreThreshold'),
    maskThreshold: readThreshold(json.maskThreshold ?? json.mask_threshold, 'maskThreshold'),
  };
}

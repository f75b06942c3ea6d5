/**
 * First post-processing step of the Mask R-CNN (contract v1): the union of the confident instances.
 * The network may split one body into several instances (an arm beside the trunk, two legs), so
 * every instance scoring at least the metadata's scoreThreshold counts, and a canvas pixel takes the
 * highest probability any of them gives it (max, not sum: probabilities, not votes).
 *
 * The outputs are checked against the contract (names, dims, float32 data) because a mismatch here
 * would otherwise read garbage silently.
 */
import { MedstegoError } from '../../errors/index.ts';
import type { TensorLike } from './InferenceSessionLike.ts';
import type { MaskRcnnMetadata } from './loadMaskRcnnMetadata.ts';

function invalid(message: string, output: string): MedstegoError {
  return new MedstegoError('MODEL_INVALID', `Mask R-CNN output ${message}`, { output });
}

function requireTensor(outputs: Record<string, TensorLike>, name: string): TensorLike {
  const tensor = outputs[name];
  if (!tensor) throw invalid(`"${name}" is missing (got ${Object.keys(outputs).join(', ') || 'none'})`, name);
  return tensor;
}

function requireFloat32(tensor: TensorLike, name: string): Float32Array {
  if (!(tensor.data instanceof Float32Array)) throw invalid(`"${name}" must be float32, got ${tensor.type}`, name);
  return tensor.data;
}

/** Probability canvas (size×size, row-major) of the union of instances with score ≥ scoreThreshold. */
export function unionConfidentInstances(outputs: Record<string, TensorLike>, metadata: MaskRcnnMetadata): Float32Array {
  const size = metadata.inputSize;
  const { scores: scoresName, masks: masksName } = metadata.outputNames;
  const scoresTensor = requireTensor(outputs, scoresName);
  const masksTensor = requireTensor(outputs, masksName);
  const scores = requireFloat32(scoresTensor, scoresName);
  const masks = requireFloat32(masksTensor, masksName);
  const count = scores.length;
  const dims = masksTensor.dims;
  if (scoresTensor.dims.length !== 1) throw invalid(`"${scoresName}" must be [N], got [${scoresTensor.dims.join(', ')}]`, scoresName);
  if (dims.length !== 4 || dims[0] !== count || dims[1] !== 1 || dims[2] !== size || dims[3] !== size) {
    throw invalid(`"${masksName}" must be [${count}, 1, ${size}, ${size}], got [${dims.join(', ')}]`, masksName);
  }
  const plane = size * size;
  const union = new Float32Array(plane);
  for (let k = 0; k < count; k++) {
    if (!(scores[k]! >= metadata.scoreThreshold)) continue;
    const offset = k * plane;
    for (let i = 0; i < plane; i++) {
      const p = masks[offset + i]!;
      if (p > union[i]!) union[i] = p;
    }
  }
  return union;
}

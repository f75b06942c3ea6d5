/**
 * The slice of the ONNX Runtime API the Mask R-CNN runner needs, so the core never imports an
 * onnxruntime package: the CLI passes `onnxruntime-node`, the viewer `onnxruntime-web` (WebGPU or
 * WASM), tests `onnxruntime-web` WASM in Node. Both packages' `InferenceSession` and `Tensor` fit
 * these types as they are (`{ Tensor: ort.Tensor }` is an `OnnxRuntimeLike`).
 */

/** A tensor as the runner reads it: onnxruntime's Tensor has these fields (data on the CPU). */
export interface TensorLike {
  readonly type: string;
  readonly dims: readonly number[];
  /** Float32Array for float32, BigInt64Array for int64, ... (onnxruntime's Tensor.DataTypeMap). */
  readonly data: unknown;
  /** Frees the tensor's data (onnxruntime-web on GPU); optional because the CPU tensors need none. */
  dispose?(): void;
}

/** One method: run the graph on named inputs, get named outputs. */
export interface InferenceSessionLike {
  run(feeds: Record<string, TensorLike>): Promise<Record<string, TensorLike>>;
}

/** The runtime module, for its tensor constructor (`ort.Tensor`). */
export interface OnnxRuntimeLike {
  readonly Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => TensorLike;
}

/**
 * Turn decoded samples into medstego's stored values: keep the low Bits Stored bits and, for
 * Pixel Representation 1, sign-extend them (PS3.5 section 8.1.1). Done here rather than trusted to
 * codecs because a codestream's precision or signedness can disagree with the header (a J2K stream
 * may be unsigned while the header says signed), and native data may carry overlay bits above
 * Bits Stored.
 */
type SampleArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

export function toStoredValues(samples: SampleArray, bitsStored: number, pixelRepresentation: 0 | 1, length = samples.length): Int32Array {
  const out = new Int32Array(length);
  if (samples.length < length) {
    throw new RangeError(`toStoredValues: ${samples.length} samples for ${length} pixels`);
  }
  if (pixelRepresentation === 1) {
    // Shift the sign bit of the Bits Stored field to bit 31, then arithmetic-shift back.
    const shift = 32 - bitsStored;
    for (let i = 0; i < length; i++) out[i] = (samples[i]! << shift) >> shift;
  } else {
    // bitsStored is at most 16, so the mask is a safe positive int32.
    const mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
    for (let i = 0; i < length; i++) out[i] = samples[i]! & mask;
  }
  return out;
}

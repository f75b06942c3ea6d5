/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of little-endian uint32 (segment count, then up
 * to 15 segment offsets), then one PackBits-coded segment per byte plane, most significant byte
 * first. medstego only needs one sample per pixel, i.e. 1 segment (8-bit) or 2 segments (16-bit).
 */
import { MedstegoError } from '../errors/index.ts';
import type { PixelModule } from './readPixelModule.ts';

const HEADER_LENGTH = 64;

/** Decode one PackBits segment (G.3.1) into `out`; returns the number of bytes written. */
function decodeSegment(frame: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let read = start;
  let written = 0;
  const capacity = out.length;
  while (read < end && written < capacity) {
    const header = frame[read++]!;
    if (header < 128) {
      // Literal run of header + 1 bytes.
      const count = Math.min(header + 1, capacity - written, end - read);
      out.set(frame.subarray(read, read + count), written);
      read += header + 1;
      written += count;
    } else if (header > 128) {
      // Replicate the next byte 257 - header times (header is a negative int8).
      const count = Math.min(257 - header, capacity - written);
      out.fill(frame[read++]!, written, written + count);
      written += count;
    }
    // 128 (-128 as int8) is a no-op by definition.
  }
  return written;
}

export function decodeRleFrame(frame: Uint8Array, pixelModule: PixelModule): Uint8Array | Uint16Array {
  if (frame.length < HEADER_LENGTH) {
    throw new MedstegoError('DICOM_DECODE_FAILED', 'RLE frame is shorter than its 64-byte header', { length: frame.length });
  }
  const header = new DataView(frame.buffer, frame.byteOffset, HEADER_LENGTH);
  const segmentCount = header.getUint32(0, true);
  const bytesPerSample = pixelModule.bitsAllocated / 8;
  if (segmentCount !== bytesPerSample) {
    throw new MedstegoError('DICOM_DECODE_FAILED', `RLE frame has ${segmentCount} segments, expected ${bytesPerSample}`, {
      segments: segmentCount,
    });
  }
  const offsets: number[] = [];
  for (let segment = 0; segment < segmentCount; segment++) offsets.push(header.getUint32(4 + 4 * segment, true));
  const pixelCount = pixelModule.rows * pixelModule.cols;
  const planes: Uint8Array[] = [];
  for (let segment = 0; segment < segmentCount; segment++) {
    const start = offsets[segment]!;
    const end = segment + 1 < segmentCount ? offsets[segment + 1]! : frame.length;
    if (start < HEADER_LENGTH || end > frame.length || end < start) {
      throw new MedstegoError('DICOM_DECODE_FAILED', 'RLE segment offsets point outside the frame', { segment });
    }
    const plane = new Uint8Array(pixelCount);
    const written = decodeSegment(frame, start, end, plane);
    if (written < pixelCount) {
      throw new MedstegoError('DICOM_DECODE_FAILED', 'RLE segment decodes to fewer bytes than Rows x Columns', {
        segment,
        written,
        pixels: pixelCount,
      });
    }
    planes.push(plane);
  }
  if (segmentCount === 1) return planes[0]!;
  const high = planes[0]!;
  const low = planes[1]!;
  const samples = new Uint16Array(pixelCount);
  for (let i = 0; i < pixelCount; i++) samples[i] = (high[i]! << 8) | low[i]!;
  return samples;
}

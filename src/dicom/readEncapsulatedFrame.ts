/**
 * The bytes of one frame of encapsulated Pixel Data (PS3.5 section A.4). A frame may span several
 * fragments; without a Basic Offset Table the fragments are grouped by where a new codestream
 * starts (JPEG and JPEG-LS: SOI FFD8; JPEG 2000: SOC+SIZ FF4F FF51). RLE puts each frame in
 * exactly one fragment (PS3.5 G.2).
 */
import type { DataSet, Element, Fragment } from 'dicom-parser';
import { MedstegoError, wrapThrown } from '../errors/index.ts';
import { dicomParserModule } from './dicomParserModule.ts';
import type { PixelEncoding } from './transferSyntaxes.ts';

function startsCodestream(bytes: Uint8Array, position: number, encoding: PixelEncoding): boolean {
  if (encoding === 'jpeg2000') {
    return bytes[position] === 0xff && bytes[position + 1] === 0x4f && bytes[position + 2] === 0xff && bytes[position + 3] === 0x51;
  }
  return bytes[position] === 0xff && bytes[position + 1] === 0xd8;
}

function concatenateFragments(bytes: Uint8Array, fragments: readonly Fragment[]): Uint8Array {
  if (fragments.length === 1) {
    const only = fragments[0]!;
    return bytes.subarray(only.position, only.position + only.length);
  }
  const total = fragments.reduce((sum, fragment) => sum + fragment.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const fragment of fragments) {
    joined.set(bytes.subarray(fragment.position, fragment.position + fragment.length), offset);
    offset += fragment.length;
  }
  return joined;
}

/** Split fragments into frames at each fragment that begins a new codestream. */
function groupFragmentsByMarker(bytes: Uint8Array, fragments: readonly Fragment[], encoding: PixelEncoding): Fragment[][] {
  const groups: Fragment[][] = [];
  for (const fragment of fragments) {
    if (groups.length === 0 || startsCodestream(bytes, fragment.position, encoding)) groups.push([fragment]);
    else groups.at(-1)!.push(fragment);
  }
  return groups;
}

export function readEncapsulatedFrame(
  dataSet: DataSet,
  element: Element,
  frameIndex: number,
  numberOfFrames: number,
  encoding: PixelEncoding,
): Uint8Array {
  const bytes = dataSet.byteArray as Uint8Array;
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) {
    throw new MedstegoError('DICOM_CORRUPT', 'Encapsulated Pixel Data has no fragments');
  }
  for (const fragment of fragments) {
    if (fragment.position + fragment.length > bytes.length) {
      throw new MedstegoError('DICOM_TRUNCATED', 'The file ends inside a Pixel Data fragment', { byteLength: bytes.length });
    }
  }
  if (numberOfFrames === 1) return concatenateFragments(bytes, fragments);

  const offsetTable = element.basicOffsetTable ?? [];
  if (offsetTable.length === numberOfFrames) {
    try {
      return dicomParserModule.readEncapsulatedImageFrame(dataSet, element, frameIndex) as Uint8Array;
    } catch (thrown) {
      throw wrapThrown(thrown, 'DICOM_CORRUPT', 'The Basic Offset Table does not match the fragments');
    }
  }
  if (encoding === 'rle' || fragments.length === numberOfFrames) {
    const fragment = fragments[frameIndex];
    if (!fragment) throw new MedstegoError('DICOM_CORRUPT', 'Fewer fragments than frames', { frames: numberOfFrames, fragments: fragments.length });
    return bytes.subarray(fragment.position, fragment.position + fragment.length);
  }
  const groups = groupFragmentsByMarker(bytes, fragments, encoding);
  if (groups.length !== numberOfFrames) {
    throw new MedstegoError('DICOM_CORRUPT', 'Fragments cannot be grouped into Number of Frames codestreams', {
      frames: numberOfFrames,
      codestreams: groups.length,
    });
  }
  return concatenateFragments(bytes, groups[frameIndex]!);
}

/**
 * dcmjs reads an explicit 'UN' element of a tag it knows as that tag's dictionary VR. For a
 * sequence sent as UN (a sender whose dictionary predated the tag) the content is Implicit VR
 * Little Endian (PS3.5 6.2.2), which dcmjs parses as explicit and garbles. Writing the element back
 * as UN with its original bytes keeps the value exactly as the source had it; this is done for
 * every UN element, top level and inside sequences, using dicom-parser's view of the same file.
 */
import type { DataSet } from 'dicom-parser';
import type { DcmjsDict } from './dcmjsModule.ts';

export function restoreUnknownVrElements(dict: DcmjsDict, dataSet: DataSet): void {
  const bytes = dataSet.byteArray as Uint8Array;
  for (const [parserTag, element] of Object.entries(dataSet.elements)) {
    const tag = parserTag.slice(1).toUpperCase();
    const target = dict[tag];
    if (!target) continue;
    if (element.vr === 'UN' && !element.hadUndefinedLength) {
      const raw = bytes.slice(element.dataOffset, element.dataOffset + element.length);
      dict[tag] = { vr: 'UN', Value: [raw.buffer] };
      continue;
    }
    // Recurse only where both readers agree on the item structure.
    if (element.items && target.vr === 'SQ' && Array.isArray(target.Value) && target.Value.length === element.items.length) {
      element.items.forEach((item, index) => {
        const nested = target.Value[index];
        if (item.dataSet && nested && typeof nested === 'object') restoreUnknownVrElements(nested as DcmjsDict, item.dataSet);
      });
    }
  }
}

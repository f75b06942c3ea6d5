import type { DataSet } from 'dicom-parser';

/** A UID attribute as text: UIDs are padded with NUL to an even length (PS3.5 9.1). */
export function readUid(dataSet: DataSet, tag: string): string {
  return (dataSet.string(tag) ?? '').replace(/\0/g, '').trim();
}

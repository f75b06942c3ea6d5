import { wrapThrown } from '../errors/index.ts';
import { dcmjs, withDcmjsSilenced, type DcmjsDicomDict } from './dcmjsModule.ts';

/** dcmjs's denaturalized view (tags → VR + values) of a Part 10 file, read without logging. */
export function readDcmjsDict(sourceBytes: Uint8Array): DcmjsDicomDict {
  const buffer = sourceBytes.buffer.slice(sourceBytes.byteOffset, sourceBytes.byteOffset + sourceBytes.byteLength) as ArrayBuffer;
  try {
    return withDcmjsSilenced(() => dcmjs.data.DicomMessage.readFile(buffer));
  } catch (thrown) {
    throw wrapThrown(thrown, 'DICOM_WRITE_FAILED', 'dcmjs cannot re-read the source data set to copy its attributes');
  }
}

import { readFileSync } from 'node:fs';
import { readDicom } from './src/dicom/index.ts';
for (const f of ['test/fixtures/formats/pydicom-testfiles/MR_small.dcm', 'test/fixtures/formats/pydicom-testfiles/MR_small_RLE.dcm', 'test/fixtures/formats/pydicom-testfiles/MR_small_jp2klossless.dcm', 'test/fixtures/formats/pydicom-testfiles/MR_small_jpeg_ls_lossless.dcm', 'test/fixtures/formats/cornerstone-wado-loader/CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm','test/fixtures/formats/cornerstone-wado-loader/CTImage.dcm_JPEGProcess14TransferSyntax_1.2.840.10008.1.2.4.57.dcm']) {
  const b = new Uint8Array(readFileSync(f));
  const counts: Record<string, number> = {};
  for (let n = 0; n < b.length; n += Math.max(1, Math.floor(b.length / 400))) {
    let k; try { await readDicom(b.subarray(0, n)); k = 'OK'; } catch (e: any) { k = e.code ?? ('RAW ' + e.message); if (k === 'DICOM_CORRUPT' || k==='OK' || k === 'DICOM_DECODE_FAILED') k += ' ' + (n > b.length - 200 ? 'tail' : '') + e.message.slice(0, 90); }
    counts[k] = (counts[k] ?? 0) + 1;
  }
  console.log(f.split('/').pop(), counts);
}

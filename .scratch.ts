import { readFileSync, writeFileSync } from 'node:fs';
import { readDicom, writeStegoDicom } from './src/dicom/index.ts';
for (const [i, f] of ['test/fixtures/ct/tcga-thca-1-101.dcm', 'test/fixtures/mr/brain-tumor-progression-1-12.dcm', 'test/fixtures/formats/cornerstone-wado-loader/CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm', 'test/fixtures/formats/pydicom-testfiles/MR_small_bigendian.dcm'].entries()) {
  const s = await readDicom(new Uint8Array(readFileSync(f)));
  writeFileSync(`/tmp/stego${i}.dcm`, writeStegoDicom(s, s.image.pixels, { derivationDescription: 'medstego 0.1.0 test' }));
}

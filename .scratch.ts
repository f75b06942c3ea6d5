import { readFileSync, writeFileSync } from 'node:fs';
import { readDicom, writeStegoDicom } from './src/dicom/index.ts';
const s = await readDicom(new Uint8Array(readFileSync('test/fixtures/formats/pydicom-data/bad_sequence.dcm')));
writeFileSync('/tmp/bad_out.dcm', writeStegoDicom(s, s.image.pixels, { derivationDescription: 'x' }));

const dp = (await import('dicom-parser')).default;
import fs from 'fs';
for (const f of ['test/fixtures/formats/pydicom-testfiles/MR_truncated.dcm','test/fixtures/formats/pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm']) {
  try { const ds = dp.parseDicom(new Uint8Array(fs.readFileSync(f))); console.log(ds.warnings, ds.elements.x7fe00010); } catch(e) { console.log('threw', typeof e, e instanceof Error, Object.keys(e), String(e.exception??e)); }
}
try { dp.parseDicom(new Uint8Array(1000)); } catch(e) { console.log('threw', typeof e, e instanceof Error, e); }
const b = new Uint8Array(fs.readFileSync('test/fixtures/formats/pydicom-testfiles/MR_small.dcm'));
for (const n of [100, 200, 400, 1000, 5000, 9000]) {
try { const ds=dp.parseDicom(b.slice(0,n)); console.log(n, 'ok', ds.warnings, ds.elements.x7fe00010); } catch(e) { console.log(n, 'threw', typeof e, e instanceof Error, String(e.exception??e)); }
}

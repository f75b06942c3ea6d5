/**
 * The injectable codec loading a browser uses: binaries handed over by the host (here read from
 * node_modules) instead of fetched by the Emscripten glue, and a refused locateFile never called.
 * Runs in its own process (node --test isolates files), so these are the first codec starts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readDicom } from '../../src/dicom/index.ts';
import { fixturesDir, readBytes } from './dicomTestSupport.ts';

const require = createRequire(import.meta.url);

/** The packages export their decoder binary as the './decodewasm' subpath. */
function wasmOf(packageName: string): Uint8Array {
  return new Uint8Array(readFileSync(require.resolve(`${packageName}/decodewasm`)));
}

describe('codec loading with host-supplied binaries', () => {
  it('a codec whose binary cannot be found fails with DICOM_DECODE_FAILED, and a later read can retry', async () => {
    const file = path.join(fixturesDir, 'formats', 'pydicom-testfiles', 'MR_small_jpeg_ls_lossless.dcm');
    const error = await readDicom(readBytes(file), { codecs: { locateFile: (fileName) => `/nowhere/${fileName}` } }).catch((thrown: unknown) => thrown);
    assert.equal((error as { code?: string }).code, 'DICOM_DECODE_FAILED');
  });

  it('decodes JPEG-LS, JPEG 2000 and JPEG baseline with wasmBinaries and no file access', async () => {
    const located: string[] = [];
    const codecs = {
      locateFile: (fileName: string) => {
        located.push(fileName);
        return `/nowhere/${fileName}`;
      },
      wasmBinaries: {
        charls: wasmOf('@cornerstonejs/codec-charls'),
        openjpeg: wasmOf('@cornerstonejs/codec-openjpeg'),
        libjpegTurbo: wasmOf('@cornerstonejs/codec-libjpeg-turbo-8bit'),
      },
    };
    const formats = path.join(fixturesDir, 'formats', 'cornerstone-wado-loader');
    const reference = await readDicom(readBytes(path.join(formats, 'CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm')));
    for (const name of ['JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80', 'JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90']) {
      const slice = await readDicom(readBytes(path.join(formats, `CTImage.dcm_${name}.dcm`)), { codecs });
      assert.deepEqual(slice.image.pixels, reference.image.pixels, name);
    }
    const baseline = await readDicom(readBytes(path.join(formats, 'CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm')), { codecs });
    assert.equal(baseline.image.pixels.length, 512 * 512);
    // Emscripten may ask locateFile for a path, but with wasmBinary it never fetches it.
    for (const fileName of located) assert.match(fileName, /\.wasm$/);
  });
});

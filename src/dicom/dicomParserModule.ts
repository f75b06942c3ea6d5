/**
 * dicom-parser ships a UMD bundle: Node's ESM loader exposes it only as a default export, bundlers
 * as named exports. Resolve it once here so the rest of the module sees one typed namespace.
 */
import * as dicomParserNamespace from 'dicom-parser';

type DicomParserApi = typeof dicomParserNamespace;

const withDefault = dicomParserNamespace as DicomParserApi & { default?: DicomParserApi };

export const dicomParserModule: DicomParserApi =
  typeof withDefault.parseDicom === 'function' ? withDefault : (withDefault.default as DicomParserApi);

// The OHIF `dicomweb` data source for a PACS reached through the viewer's own origin (the
// /dicom-web/ proxy of serveViewer.ts): every root is a same-origin path, so the browser never
// talks to another origin. `stowRoot` is what medstego's Export stores stego instances to.
export const DICOMWEB_SOURCE_NAME = 'dicomweb';

export function dicomWebDataSource(root: string): Record<string, unknown> {
  return {
    namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
    sourceName: DICOMWEB_SOURCE_NAME,
    configuration: {
      friendlyName: 'Orthanc (DICOMweb, through this server)',
      name: 'orthanc',
      wadoUriRoot: root,
      qidoRoot: root,
      wadoRoot: root,
      stowRoot: root,
      // The settings OHIF's documentation gives for Orthanc's DICOMweb plugin.
      qidoSupportsIncludeField: false,
      supportsFuzzyMatching: false,
      supportsWildcard: true,
      imageRendering: 'wadors',
      thumbnailRendering: 'wadors',
      enableStudyLazyLoad: true,
      omitQuotationForMultipartRequest: true,
      bulkDataURI: { enabled: true, relativeResolution: 'studies' },
    },
  };
}

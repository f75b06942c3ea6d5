/**
 * Where the DICOM Part 10 bytes of a displayed image come from, given its cornerstone image id.
 * Only same-origin paths and in-page blob URLs are accepted, so a Reveal or Embed never causes a
 * request that leaves the page's origin.
 *
 * - `url`: a plain GET of the file (`dicomweb:` / `wadouri:` image ids, DICOM JSON and local files).
 * - `wado-rs`: an image of the `dicomweb` data source (`wadors:{wadoRoot}/studies/{study}/series/
 *   {series}/instances/{sop}/frames/{n}`): the whole instance is retrieved by WADO-RS
 *   (PS3.18 §10.4) at `url`, the frame's path with `/frames/{n}` dropped.
 */
export type InstanceSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'wado-rs'; readonly url: string; readonly wadoRoot: string; readonly studyInstanceUid: string; readonly seriesInstanceUid: string; readonly sopInstanceUid: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

const URI_SCHEMES = ['dicomweb:', 'wadouri:'];
const WADO_RS_FRAME = /^(.*)\/studies\/([0-9.]+)\/series\/([0-9.]+)\/instances\/([0-9.]+)(?:\/frames\/\d+)?\/?$/;

function wadoRsSource(imageId: string, pageOrigin: string): InstanceSource {
  const match = WADO_RS_FRAME.exec(imageId.slice('wadors:'.length));
  if (!match) return { kind: 'unsupported', reason: 'the WADO-RS image id names no study, series and instance' };
  const [, root, studyInstanceUid, seriesInstanceUid, sopInstanceUid] = match as unknown as [string, string, string, string, string];
  const wadoRoot = new URL(root === '' ? '/' : root, pageOrigin);
  if (wadoRoot.origin !== pageOrigin) return { kind: 'unsupported', reason: `the image is served from ${wadoRoot.origin}, not this page's origin` };
  const path = wadoRoot.pathname.replace(/\/$/, '');
  return { kind: 'wado-rs', url: `${path}/studies/${studyInstanceUid}/series/${seriesInstanceUid}/instances/${sopInstanceUid}`, wadoRoot: path, studyInstanceUid, seriesInstanceUid, sopInstanceUid };
}

export function instanceSource(imageId: string, pageOrigin: string): InstanceSource {
  if (imageId.startsWith('wadors:')) return wadoRsSource(imageId, pageOrigin);
  const scheme = URI_SCHEMES.find((prefix) => imageId.startsWith(prefix));
  if (!scheme) return { kind: 'unsupported', reason: `images loaded as "${imageId.split(':')[0]}:" are not supported (use the DICOM JSON, local-file or DICOMweb data source)` };
  const rest = imageId.slice(scheme.length);
  if (rest.startsWith('blob:')) {
    return new URL(rest.slice('blob:'.length)).origin === pageOrigin ? { kind: 'url', url: rest } : { kind: 'unsupported', reason: 'blob from another origin' };
  }
  const url = new URL(rest, pageOrigin);
  if (url.origin !== pageOrigin) return { kind: 'unsupported', reason: `the image is served from ${url.origin}, not this page's origin` };
  // A `&frame=` suffix addresses one frame of a multi-frame file; the file is the same.
  url.searchParams.delete('frame');
  return { kind: 'url', url: url.pathname + url.search };
}

/** A download name that carries no patient data: the stego SOP Instance UID only. */
export function stegoFileName(sopInstanceUid: string): string {
  return `medstego-${sopInstanceUid.replace(/[^0-9.]/g, '')}.dcm`;
}

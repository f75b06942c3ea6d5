/**
 * Where the DICOM Part 10 bytes of a displayed image come from, given its cornerstone image id.
 * Only same-origin paths and in-page blob URLs are accepted, so a Reveal or Embed never causes a
 * request that leaves the page's origin.
 */
export type InstanceSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'unsupported'; readonly reason: string };

const URI_SCHEMES = ['dicomweb:', 'wadouri:'];

export function instanceSource(imageId: string, pageOrigin: string): InstanceSource {
  const scheme = URI_SCHEMES.find((prefix) => imageId.startsWith(prefix));
  if (!scheme) return { kind: 'unsupported', reason: `images loaded as "${imageId.split(':')[0]}:" are not supported yet (use the DICOM JSON or local-file data source)` };
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

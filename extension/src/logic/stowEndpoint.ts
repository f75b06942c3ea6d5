/**
 * Where Export stores a stego instance of a DICOMweb study: `{stowRoot}/studies` of the active
 * `dicomweb` data source (PS3.18 §10.5), only on the page's own origin so that no request leaves
 * it (a PACS on another host is reached through a proxy path of the viewer's server).
 */
export type StowEndpoint = { readonly kind: 'stow'; readonly url: string } | { readonly kind: 'none'; readonly reason: string };

export function stowEndpoint(dataSourceConfig: unknown, pageOrigin: string): StowEndpoint {
  const stowRoot = (dataSourceConfig as { stowRoot?: unknown } | undefined)?.stowRoot;
  if (typeof stowRoot !== 'string' || stowRoot.trim() === '') return { kind: 'none', reason: 'the DICOMweb data source sets no stowRoot' };
  const root = new URL(stowRoot.trim(), pageOrigin);
  if (root.origin !== pageOrigin) return { kind: 'none', reason: `the stowRoot is on ${root.origin}, not this page's origin` };
  return { kind: 'stow', url: `${root.pathname.replace(/\/$/, '')}/studies` };
}

/**
 * `multipart/related` bodies as DICOMweb uses them (PS3.18 §8.6.1.2, RFC 2387 / RFC 2046 §5.1):
 * WADO-RS answers an instance retrieval with one part per instance, and STOW-RS takes the
 * instances to store as parts of the request. Bytes in, bytes out, no platform API.
 */

export interface MultipartPart {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface EncodedMultipart {
  readonly body: Uint8Array;
  /** The request's Content-Type, with its `type` and `boundary` parameters. */
  readonly contentType: string;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();
const decoder = new TextDecoder('latin1');

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first!, from); i !== -1 && i <= last; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A boundary of RFC 2046's safe characters, from the caller's random bytes (tests pass fixed ones). */
export function boundaryFrom(random: Uint8Array): string {
  return `medstego-${Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Encode `parts` (each a Part 10 file for STOW-RS) as one body. The boundary must not occur in any
 * part; the caller gets a RangeError when it does and retries with new random bytes.
 */
export function encodeMultipartRelated(parts: readonly Uint8Array[], type: string, boundary: string): EncodedMultipart {
  if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) throw new RangeError('A multipart boundary is 1 to 70 safe characters.');
  const delimiter = encoder.encode(`--${boundary}`);
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if (indexOf(part, delimiter, 0) !== -1) throw new RangeError('The boundary occurs inside a part.');
    chunks.push(encoder.encode(`--${boundary}${CRLF}Content-Type: ${type}${CRLF}${CRLF}`), part, encoder.encode(CRLF));
  }
  chunks.push(encoder.encode(`--${boundary}--${CRLF}`));
  const body = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { body, contentType: `multipart/related; type="${type}"; boundary=${boundary}` };
}

/** The parameters of a Content-Type header, names in lower case, quotes removed. */
export function contentTypeParameters(contentType: string): { mediaType: string; parameters: Record<string, string> } {
  const [mediaType = '', ...rest] = contentType.split(';');
  const parameters: Record<string, string> = {};
  for (const parameter of rest) {
    const equals = parameter.indexOf('=');
    if (equals < 0) continue;
    const value = parameter.slice(equals + 1).trim();
    parameters[parameter.slice(0, equals).trim().toLowerCase()] = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  }
  return { mediaType: mediaType.trim().toLowerCase(), parameters };
}

/** Split a `multipart/related` body into its parts, using the boundary of its Content-Type. */
export function decodeMultipartRelated(body: Uint8Array, contentType: string): MultipartPart[] {
  const { mediaType, parameters } = contentTypeParameters(contentType);
  if (!mediaType.startsWith('multipart/')) throw new RangeError(`Expected a multipart body, got "${mediaType}".`);
  const boundary = parameters.boundary;
  if (!boundary) throw new RangeError('The multipart Content-Type has no boundary.');
  const delimiter = encoder.encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at === -1) throw new RangeError('The multipart body has no boundary line.');
  for (;;) {
    let start = at + delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return parts;
    const lineEnd = indexOf(body, encoder.encode(CRLF), start);
    if (lineEnd === -1) throw new RangeError('The multipart body ends inside a boundary line.');
    start = lineEnd + 2;
    const headerEnd = indexOf(body, encoder.encode(CRLF + CRLF), start - 2);
    if (headerEnd === -1) throw new RangeError('A multipart part has no end of headers.');
    const headers: Record<string, string> = {};
    for (const line of decoder.decode(body.subarray(start, headerEnd)).split(CRLF)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    // The CRLF before the next delimiter belongs to the delimiter, not to the part.
    const next = indexOf(body, encoder.encode(CRLF + `--${boundary}`), headerEnd + 2);
    if (next === -1) throw new RangeError('The multipart body has no closing boundary.');
    parts.push({ headers, body: body.subarray(headerEnd + 4, next) });
    at = next + 2;
  }
}

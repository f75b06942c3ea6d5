// The extension's DICOMweb parts without a browser: multipart/related encoding and decoding (on a
// real sample file), WADO-RS image ids, the STOW-RS endpoint and answer, and the client against a
// fake server that decodes what it is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { boundaryFrom, contentTypeParameters, decodeMultipartRelated, encodeMultipartRelated } from '../../extension/src/logic/multipartRelated.ts';
import { instanceSource } from '../../extension/src/logic/instanceSource.ts';
import { stowEndpoint } from '../../extension/src/logic/stowEndpoint.ts';
import { readStowResponse } from '../../extension/src/logic/readStowResponse.ts';
import { DicomWebClient } from '../../extension/src/services/DicomWebClient.ts';
import { REPO_ROOT } from '../helpers/runCli.ts';

const SAMPLE = new Uint8Array(readFileSync(path.join(REPO_ROOT, 'samples/ct/tcga-thca-1-119.dcm')));
const ORIGIN = 'http://127.0.0.1:3000';
const text = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

test('multipart/related: parts round-trip byte for byte, with the DICOMweb framing', () => {
  const small = Uint8Array.from([0, 13, 10, 45, 45, 255]);
  const boundary = boundaryFrom(Uint8Array.from([1, 2, 254, 255]));
  assert.equal(boundary, 'medstego-0102feff');
  const { body, contentType } = encodeMultipartRelated([SAMPLE, small, new Uint8Array(0)], 'application/dicom', boundary);
  assert.equal(contentType, `multipart/related; type="application/dicom"; boundary=${boundary}`);
  assert.ok(text(body.subarray(0, 60)).startsWith(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`));
  assert.ok(text(body.subarray(body.length - boundary.length - 8)).endsWith(`\r\n--${boundary}--\r\n`));
  const parts = decodeMultipartRelated(body, contentType);
  assert.equal(parts.length, 3);
  assert.deepEqual(parts[0]!.body, SAMPLE);
  assert.deepEqual(parts[1]!.body, small);
  assert.equal(parts[2]!.body.length, 0);
  assert.equal(parts[0]!.headers['content-type'], 'application/dicom');
});

test('multipart/related: decodes a server answer with a preamble, quoted boundary and no part headers', () => {
  const body = new TextEncoder().encode('preamble\r\n--b-1\r\nContent-Type: application/dicom\r\nContent-Length: 3\r\n\r\nabc\r\n--b-1 \r\n\r\nxy\r\n--b-1--\r\nepilogue');
  const parts = decodeMultipartRelated(body, 'Multipart/Related; type="application/dicom"; boundary="b-1"');
  assert.deepEqual(
    parts.map((part) => [text(part.body), part.headers]),
    [
      ['abc', { 'content-type': 'application/dicom', 'content-length': '3' }],
      ['xy', {}],
    ],
  );
  assert.deepEqual(contentTypeParameters('multipart/related; type="application/dicom"; boundary=abc').parameters, { type: 'application/dicom', boundary: 'abc' });
  assert.throws(() => decodeMultipartRelated(body, 'application/dicom'), RangeError);
  assert.throws(() => decodeMultipartRelated(body, 'multipart/related'), /no boundary/);
  assert.throws(() => decodeMultipartRelated(new TextEncoder().encode('--x\r\n\r\nunterminated'), 'multipart/related; boundary=x'), /closing boundary/);
});

test('multipart/related: a boundary inside a part or with unsafe characters is refused', () => {
  assert.throws(() => encodeMultipartRelated([new TextEncoder().encode('xx--abc')], 'application/dicom', 'abc'), /inside a part/);
  assert.throws(() => encodeMultipartRelated([SAMPLE], 'application/dicom', 'a b'), RangeError);
  assert.throws(() => encodeMultipartRelated([SAMPLE], 'application/dicom', ''), RangeError);
});

test('instanceSource: WADO-RS image ids give the instance URL and UIDs, same origin only', () => {
  const source = instanceSource(`wadors:${ORIGIN}/pacs/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4/frames/1`, ORIGIN);
  assert.deepEqual(source, {
    kind: 'wado-rs',
    url: '/pacs/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4',
    wadoRoot: '/pacs/dicom-web',
    studyInstanceUid: '1.2',
    seriesInstanceUid: '1.2.3',
    sopInstanceUid: '1.2.3.4',
  });
  assert.equal(instanceSource('wadors:https://pacs.example.org/dicom-web/studies/1/series/2/instances/3/frames/1', ORIGIN).kind, 'unsupported');
  assert.equal(instanceSource('wadors:/dicom-web/studies/1/series/2/instances/3;x/frames/1', ORIGIN).kind, 'unsupported');
  assert.equal(instanceSource('wadors:/studies/1/series/2/instances/3/frames/2', ORIGIN).kind, 'wado-rs', 'a root at /');
});

test('stowEndpoint: the data source stowRoot on this origin, else the reason', () => {
  assert.deepEqual(stowEndpoint({ stowRoot: '/dicom-web' }, ORIGIN), { kind: 'stow', url: '/dicom-web/studies' });
  assert.deepEqual(stowEndpoint({ stowRoot: `${ORIGIN}/pacs/rs/` }, ORIGIN), { kind: 'stow', url: '/pacs/rs/studies' });
  assert.match((stowEndpoint({ stowRoot: 'https://pacs.example.org/rs' }, ORIGIN) as { reason: string }).reason, /not this page's origin/);
  assert.match((stowEndpoint({ wadoRoot: '/dicom-web' }, ORIGIN) as { reason: string }).reason, /no stowRoot/);
  assert.equal(stowEndpoint(undefined, ORIGIN).kind, 'none');
});

const stowAnswer = (stored: string[], failures: Array<[string, number]>) =>
  JSON.stringify({
    '00081199': { vr: 'SQ', Value: stored.map((uid) => ({ '00081155': { vr: 'UI', Value: [uid] } })) },
    '00081198': { vr: 'SQ', Value: failures.map(([uid, reason]) => ({ '00081155': { vr: 'UI', Value: [uid] }, '00081197': { vr: 'US', Value: [reason] } })) },
  });

test('readStowResponse: stored only when the server confirms every instance; summaries carry codes, not text', () => {
  const ok = readStowResponse(200, 'OK', stowAnswer(['1.2.3'], []), ['1.2.3']);
  assert.deepEqual([ok.stored, ok.summary, ok.storedSopInstanceUids], [true, 'HTTP 200 OK', ['1.2.3']]);
  const failed = readStowResponse(409, 'Conflict', stowAnswer([], [['1.2.3', 0xa700]]), ['1.2.3']);
  assert.deepEqual([failed.stored, failed.summary], [false, 'HTTP 409 Conflict, failure reason 0xA700']);
  assert.equal(readStowResponse(202, 'Accepted', stowAnswer(['1.2.3'], [['9', 272]]), ['1.2.3']).summary, 'HTTP 202 Accepted, failure reason 0x0110');
  assert.equal(readStowResponse(200, 'OK', stowAnswer(['other'], []), ['1.2.3']).stored, false, 'the instance is not confirmed');
  const refused = readStowResponse(500, 'Internal Server Error', '{"Message": "Patient Jane Doe refused"}', ['1.2.3']);
  assert.equal(refused.stored, false);
  assert.ok(!refused.summary.includes('Jane'), 'the server text is never echoed');
  assert.equal(readStowResponse(200, '', 'not json', ['1']).stored, false);
});

test('DicomWebClient: STOW-RS sends one multipart part per instance; WADO-RS retrieval unwraps the part', async () => {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fakeFetch: typeof fetch = async (input, init = {}) => {
    const url = String(input);
    requests.push({ url, init });
    const headers = new Headers(init.headers);
    if (init.method === 'POST') {
      const parts = decodeMultipartRelated(init.body as Uint8Array, headers.get('content-type')!);
      const uids = parts.map((_, index) => `2.25.${index}`);
      return new Response(stowAnswer(parts.every((part) => part.body.length === SAMPLE.length) ? uids : [], []), { status: 200, statusText: 'OK' });
    }
    if (url.endsWith('/bare')) return new Response(SAMPLE, { headers: { 'Content-Type': 'application/dicom' } });
    if (url.endsWith('/missing')) return new Response('', { status: 404 });
    const answer = encodeMultipartRelated([SAMPLE], 'application/dicom', 'srv-7');
    return new Response(answer.body as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': answer.contentType } });
  };
  const client = new DicomWebClient({ fetch: fakeFetch, headers: () => ({ Authorization: 'Bearer t' }), randomBytes: (length) => new Uint8Array(length).fill(7) });

  const outcome = await client.storeInstances('/dicom-web/studies', [
    { bytes: SAMPLE, sopInstanceUid: '2.25.0' },
    { bytes: SAMPLE, sopInstanceUid: '2.25.1' },
  ]);
  assert.equal(outcome.stored, true, outcome.summary);
  const post = new Headers(requests[0]!.init.headers);
  assert.equal(requests[0]!.url, '/dicom-web/studies');
  assert.equal(post.get('content-type'), `multipart/related; type="application/dicom"; boundary=medstego-${'07'.repeat(16)}`);
  assert.equal(post.get('authorization'), 'Bearer t');
  assert.equal(requests[0]!.init.credentials, 'same-origin');

  assert.deepEqual(await client.retrieveInstance('/dicom-web/studies/1/series/2/instances/3'), SAMPLE);
  assert.match(new Headers(requests[1]!.init.headers).get('accept')!, /^multipart\/related; type="application\/dicom"; transfer-syntax=\*$/);
  assert.deepEqual(await client.retrieveInstance('/bare'), SAMPLE);
  await assert.rejects(client.retrieveInstance('/missing'), /HTTP 404/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectIdentityFields, parsePayloadJson, serializePayload, deserializePayload, IDENTITY_KEYWORDS } from '../../src/payload/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';

test('identity fields are collected in a fixed order, empty ones omitted', () => {
  const header: Record<string, string> = { PatientID: ' 42 ', PatientName: 'Doe^Jane', InstitutionName: '', StudyDate: '20240101' };
  const fields = collectIdentityFields((k) => header[k]);
  assert.deepEqual(Object.keys(fields), ['PatientName', 'PatientID', 'StudyDate']);
  assert.equal(fields.PatientID, '42');
  assert.equal(IDENTITY_KEYWORDS.length, 8);
});

test('payload JSON: strings kept, numbers/booleans stringified, other shapes refused', () => {
  assert.deepEqual(parsePayloadJson('{"a":"x","n":3,"b":true}'), { a: 'x', n: '3', b: 'true' });
  for (const bad of ['[1,2]', 'null', '"text"', '{"a":{"b":1}}', '{oops']) {
    assert.throws(() => parsePayloadJson(bad), (e) => isMedstegoError(e, 'PAYLOAD_INVALID'), bad);
  }
});

test('serialize/deserialize round trip; empty payload refused; non-JSON QR text kept as text', () => {
  const fields = { PatientName: 'Müller^Zoë', PatientID: 'X1' };
  assert.deepEqual(deserializePayload(serializePayload(fields)), fields);
  assert.throws(() => serializePayload({}), (e) => isMedstegoError(e, 'PAYLOAD_EMPTY'));
  assert.deepEqual(deserializePayload('hello'), { text: 'hello' });
});

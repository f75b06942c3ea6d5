import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  importKeyMaterial,
  deriveKeys,
  sealPayload,
  openPayload,
  keyedPermutation,
  createKeyedRandom,
  KEY_LABELS,
  type ContainerContext,
} from '../../src/crypto/index.ts';
import { isMedstegoError } from '../../src/errors/index.ts';
import { seededRandom } from '../helpers/seededRandom.ts';

const RAW = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 5) & 0xff);
const HEX = Array.from(RAW, (b) => b.toString(16).padStart(2, '0')).join('');
const CONTEXT: ContainerContext = { profile: 'fidelity', rows: 512, cols: 512, bitsStored: 12, sopInstanceUid: '2.25.1234567890', imageDigest: new Uint8Array(32).fill(3) };
const PLAINTEXT = new TextEncoder().encode(JSON.stringify({ PatientName: 'DOE^JANE', PatientID: 'ID-0001', PatientBirthDate: '19700101' }));

test('key material: 32 raw bytes and 64 hex characters give the same key; passphrases are stretched deterministically', async () => {
  assert.deepEqual(await importKeyMaterial(RAW), RAW);
  assert.deepEqual(await importKeyMaterial(`${HEX}\n`), RAW);
  assert.deepEqual(await importKeyMaterial(new TextEncoder().encode(HEX.toUpperCase())), RAW);
  const a = await importKeyMaterial('correct horse battery staple\n');
  const b = await importKeyMaterial('correct horse battery staple');
  const c = await importKeyMaterial('correct horse battery staplf');
  assert.equal(a.length, 32);
  assert.deepEqual(a, b, 'a trailing newline of a key file is not part of the passphrase');
  assert.notDeepEqual(a, c);
  await assert.rejects(importKeyMaterial('short'), (e) => isMedstegoError(e, 'KEY_INVALID'));
  await assert.rejects(importKeyMaterial(new Uint8Array(0)), (e) => isMedstegoError(e, 'KEY_INVALID'));
});

test('sub-keys are distinct per purpose and reproducible', async () => {
  const one = await deriveKeys(RAW);
  const two = await deriveKeys(RAW);
  assert.deepEqual(one.layoutKey, two.layoutKey);
  assert.deepEqual(one.uidKey, two.uidKey);
  const subkeys = [one.layoutKey, one.ditherKey, one.uidKey].map((k) => Buffer.from(k).toString('hex'));
  assert.equal(new Set(subkeys).size, 3);
  assert.ok(subkeys.every((k) => k.length === 64 && k !== HEX));
  assert.equal(new Set(Object.values(KEY_LABELS)).size, Object.keys(KEY_LABELS).length);
  await assert.rejects(deriveKeys(new Uint8Array(16)), (e) => isMedstegoError(e, 'KEY_INVALID'));
});

test('seal → open round trip; compression makes repetitive payloads shorter; every tag length works', async () => {
  const keys = await deriveKeys(RAW);
  for (const tagLengthBits of [32, 64, 96, 128] as const) {
    const sealed = await sealPayload(PLAINTEXT, { keys, context: CONTEXT, tagLengthBits });
    assert.deepEqual(await openPayload(sealed, { keys, context: CONTEXT, tagLengthBits }), PLAINTEXT);
    const repetitive = new TextEncoder().encode('A'.repeat(500));
    const sealedRepetitive = await sealPayload(repetitive, { keys, context: CONTEXT, tagLengthBits });
    assert.ok(sealedRepetitive.length < 100, 'deflated');
    assert.deepEqual(await openPayload(sealedRepetitive, { keys, context: CONTEXT, tagLengthBits }), repetitive);
  }
  const sealed = await sealPayload(PLAINTEXT, { keys, context: CONTEXT });
  assert.ok(!Buffer.from(sealed).includes(Buffer.from('DOE^JANE')), 'no plaintext in the sealed bytes');
});

test('wrong key, changed bit, other image or UID → CRYPTO_AUTH_FAILED', async () => {
  const keys = await deriveKeys(RAW);
  const other = await deriveKeys(new Uint8Array(32).fill(1));
  const sealed = await sealPayload(PLAINTEXT, { keys, context: CONTEXT });
  const fails = (promise: Promise<unknown>) => assert.rejects(promise, (e) => isMedstegoError(e, 'CRYPTO_AUTH_FAILED') && !String((e as Error).message).includes('DOE'));
  await fails(openPayload(sealed, { keys: other, context: CONTEXT }));
  const random = seededRandom(7);
  for (let trial = 0; trial < 8; trial++) {
    const tampered = sealed.slice();
    const bit = Math.floor(random() * tampered.length * 8);
    tampered[bit >> 3] ^= 1 << (bit & 7);
    await fails(openPayload(tampered, { keys, context: CONTEXT }));
  }
  await fails(openPayload(sealed, { keys, context: { ...CONTEXT, sopInstanceUid: '2.25.1234567891' } }));
  await fails(openPayload(sealed, { keys, context: { ...CONTEXT, rows: 256 } }));
  await fails(openPayload(sealed, { keys, context: { ...CONTEXT, bitsStored: 16 } }));
  await fails(openPayload(sealed, { keys, context: { ...CONTEXT, imageDigest: new Uint8Array(32).fill(4) } }));
  await fails(openPayload(sealed, { keys, context: { ...CONTEXT, profile: 'robust' } }));
  await fails(openPayload(sealed, { keys, context: CONTEXT, tagLengthBits: 64 }));
  await fails(openPayload(sealed.subarray(0, 10), { keys, context: CONTEXT }));
});

test('the nonce differs per SOP Instance UID: same payload, different ciphertext', async () => {
  const keys = await deriveKeys(RAW);
  const a = await sealPayload(PLAINTEXT, { keys, context: CONTEXT });
  const b = await sealPayload(PLAINTEXT, { keys, context: { ...CONTEXT, sopInstanceUid: '2.25.99' } });
  assert.notDeepEqual(a.subarray(0, 16), b.subarray(0, 16));
});

test('keyed permutation: a permutation, reproducible, different per key and label', () => {
  const key = new Uint8Array(32).fill(9);
  const order = keyedPermutation(1000, key);
  assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i));
  assert.deepEqual(keyedPermutation(1000, key), order);
  const otherKey = keyedPermutation(1000, new Uint8Array(32).fill(10));
  const otherLabel = keyedPermutation(1000, key, 1);
  const agreement = (a: Int32Array, b: Int32Array) => a.filter((v, i) => v === b[i]).length;
  assert.ok(agreement(order, otherKey) < 20);
  assert.ok(agreement(order, otherLabel) < 20);
  let fixedPoints = 0;
  for (let i = 0; i < order.length; i++) if (order[i] === i) fixedPoints++;
  assert.ok(fixedPoints < 10, 'shuffled, not the identity');
});

test('keyed random: nextBelow is in range and roughly uniform', () => {
  const random = createKeyedRandom(new Uint8Array(32).fill(1));
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60000; i++) counts[random.nextBelow(6)]++;
  for (const count of counts) assert.ok(Math.abs(count - 10000) < 500, `count ${count}`);
});

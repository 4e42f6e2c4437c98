// Base64 without Node's Buffer (the engine and the browser's client run without it), checked against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64Decode, base64Encode, base64Utf8 } from '../../server/src/engine/base64';

test('encodes and decodes as Buffer does, for every padding and for multi-byte text', () => {
  for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'héllo wörld ✓ 🚀', 'x'.repeat(1000)]) {
    const expected = Buffer.from(text, 'utf8').toString('base64');
    assert.equal(base64Utf8(text), expected);
    assert.equal(base64Encode(Buffer.from(text, 'utf8')), expected);
    assert.equal(Buffer.from(base64Decode(expected)).toString('utf8'), text);
  }
});

test('decodes every byte value, and skips what is not base64 (line breaks) as Buffer does', () => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  const encoded = Buffer.from(bytes).toString('base64');
  assert.deepEqual(base64Decode(encoded), bytes);
  const wrapped = encoded.replace(/.{76}/g, '$&\n');
  assert.deepEqual(base64Decode(wrapped), bytes);
});

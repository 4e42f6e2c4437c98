// Akamai's EdgeGrid request signing (EG1-HMAC-SHA256), as published in Akamai's "Authenticate with
// EdgeGrid" documentation and its reference clients' shared test vectors. LaunchDarkly computes this
// header on its side; computing it here lets the Akamai validation request be tested for real.
// HMAC-SHA256 through @noble/hashes: synchronous and the same in Node and in a browser worker (Web
// Crypto's HMAC is asynchronous, and rendering a request is not).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64Encode } from '../engine/base64';

export interface EdgeGridInput {
  readonly method: string;
  readonly host: string;
  /** Path and query, as sent. */
  readonly pathAndQuery: string;
  readonly clientToken: string;
  readonly clientSecret: string;
  readonly accessToken: string;
  /** Injected by tests; by default now and a random UUID. */
  readonly timestamp?: string;
  readonly nonce?: string;
}

/** The `Authorization` header value. No headers are signed and no content hash is included: LaunchDarkly's
 * requests sign none, and the scheme hashes only POST bodies (the Akamai requests are GET and PUT). */
export function edgeGridAuthorization(input: EdgeGridInput): string {
  const timestamp = input.timestamp ?? edgeGridTimestamp(new Date());
  const nonce = input.nonce ?? globalThis.crypto.randomUUID();
  const unsigned = `EG1-HMAC-SHA256 client_token=${input.clientToken};access_token=${input.accessToken};timestamp=${timestamp};nonce=${nonce};`;
  const signingKey = hmacBase64(input.clientSecret, timestamp);
  const dataToSign = [input.method.toUpperCase(), 'https', input.host.toLowerCase(), input.pathAndQuery, '', '', unsigned].join('\t');
  return `${unsigned}signature=${hmacBase64(signingKey, dataToSign)}`;
}

/** `20140321T19:34:21+0000`: UTC, the form the scheme requires. */
export function edgeGridTimestamp(date: Date): string {
  return date.toISOString().replace(/-/g, '').replace(/\.\d{3}Z$/, '+0000');
}

function hmacBase64(key: string, data: string): string {
  const utf8 = new TextEncoder();
  return base64Encode(hmac(sha256, utf8.encode(key), utf8.encode(data)));
}

// Sends a rendered request with Node's own http/https modules (not the global fetch: fetch can take an
// extra CA only through undici's Agent, which Node does not expose, and it hides the socket error codes
// that tell DNS, refused, TLS and time-out apart). Certificates are always verified; an extra CA is
// added to Node's roots, never replaces them. Redirects are followed only within the same origin, so
// an Authorization or secret-bearing header never reaches another origin. One deadline covers the
// whole exchange, redirects and body included; the body is read up to a limit and cut there.
import * as http from 'node:http';
import * as https from 'node:https';
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { RenderedRequest } from './render';
import { clampedTimeoutMs, isRedirectStatus, type NetworkErrorKind, type ReceivedResponse, type Redirect, type SendOptions, type SendOutcome } from './sendTypes';

/** Why `pem` is not a usable extra CA (a file of certificates in PEM), or undefined when it is. */
export function caProblem(pem: string): string | undefined {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return 'it holds no PEM certificate (-----BEGIN CERTIFICATE-----)';
  // TLS skips a certificate it cannot parse without a word; each one is read here so that a broken
  // file is said to be broken instead of quietly trusting nothing.
  const unreadable = blocks.findIndex((block) => {
    try {
      new X509Certificate(block);
      return false;
    } catch {
      return true;
    }
  });
  return unreadable < 0 ? undefined : `its certificates cannot be read (certificate ${unreadable + 1} of ${blocks.length} is not valid)`;
}

/** The Node transport (`Send`): the CLI, the desktop client and the tests send through it. */
export async function sendRequest(request: RenderedRequest, options: SendOptions): Promise<SendOutcome> {
  const started = Date.now();
  const abort = new AbortController();
  let timedOut = false;
  const timeoutMs = clampedTimeoutMs(options.timeoutMs);
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const onCancel = () => abort.abort();
  options.signal?.addEventListener('abort', onCancel);
  if (options.signal?.aborted) abort.abort();
  const redirects: Redirect[] = [];
  try {
    let current = request;
    for (let hop = 0; ; hop++) {
      const response = await exchange(current, options, abort.signal);
      const location = response.headers.find(([name]) => name === 'location')?.[1];
      if (!isRedirectStatus(response.status) || location === undefined) {
        return { kind: 'response', response: { ...response, redirects, elapsedMs: Date.now() - started } };
      }
      const target = redirectTarget(location, current.url);
      const why = whyNotFollowed(target, current.url, hop, options.maxRedirects ?? 5);
      const follow = why === undefined && target !== undefined;
      redirects.push({ status: response.status, from: current.url, to: target?.href ?? location, followed: follow, ...(why ? { why } : {}) });
      if (!follow) return { kind: 'response', response: { ...response, redirects, elapsedMs: Date.now() - started } };
      // 303 (and, as browsers do, 301/302 after a POST) turn into a GET without a body.
      const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === 'POST');
      current = { ...current, url: target!.href, method: toGet ? 'GET' : current.method, body: toGet ? undefined : current.body };
    }
  } catch (error) {
    const elapsedMs = Date.now() - started;
    if (timedOut) return { kind: 'network-error', error: 'timeout', message: `no complete answer within ${timeoutMs / 1000} s`, elapsedMs };
    if (options.signal?.aborted) return { kind: 'network-error', error: 'cancelled', message: 'cancelled', elapsedMs };
    return { kind: 'network-error', ...classify(error), elapsedMs };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

function redirectTarget(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

/** Only same-origin http(s) redirects are followed, a few at most: credentials never leave the origin. */
function whyNotFollowed(target: URL | undefined, from: string, hop: number, maxRedirects: number): string | undefined {
  if (target === undefined) return 'the Location header is not a URL';
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return `a ${target.protocol} URL; only http: and https: are followed`;
  if (target.origin !== new URL(from).origin) return 'another origin; credentials are never sent there';
  if (hop >= maxRedirects) return `more than ${maxRedirects} redirects in a row (a loop?)`;
  return undefined;
}

type Exchange = Omit<ReceivedResponse, 'redirects' | 'elapsedMs'>;

function exchange(request: RenderedRequest, options: SendOptions, signal: AbortSignal): Promise<Exchange> {
  return new Promise<Exchange>((resolve, reject) => {
    const url = new URL(request.url);
    const headers: http.OutgoingHttpHeaders = {};
    for (const { name, value } of request.headers) headers[name] = value;
    if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
    const common: https.RequestOptions = { method: request.method, headers, signal };
    const req =
      url.protocol === 'https:'
        ? https.request(url.href, { ...common, ca: options.extraCa ? [...rootCertificates, options.extraCa] : undefined, rejectUnauthorized: true })
        : http.request(url.href, common);
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () =>
        resolve({
          url: request.url,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: pairs(res.rawHeaders),
          body: Buffer.concat(chunks).subarray(0, options.maxBodyBytes),
          truncated,
        });
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size > options.maxBodyBytes) {
          truncated = true;
          // Stop reading: the rest may be endless. Destroying the socket is the only way to say so.
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', (error) => (truncated ? undefined : reject(error)));
      // Aborted (time-out, cancel) or cut by the peer mid-body: settles as an error unless already done.
      res.on('close', () => (res.complete || truncated ? undefined : reject(Object.assign(new Error('the connection closed before the body was complete'), { code: 'ECONNRESET' }))));
    });
    req.end(request.body);
  });
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return out;
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO$|HOSTNAME_MISMATCH)/;

function classify(error: unknown): { error: NetworkErrorKind; message: string } {
  const { code, message } = error as { code?: string; message?: string };
  const text = `${message ?? String(error)}${code && !(message ?? '').includes(code) ? ` (${code})` : ''}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { error: 'dns', message: `the host name does not resolve: ${text}` };
  if (code === 'ECONNREFUSED') return { error: 'refused', message: `the connection was refused: ${text}` };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { error: 'reset', message: `the connection was closed: ${text}` };
  if (code && TLS_CODES.test(code)) return { error: 'tls', message: `the TLS certificate was not accepted: ${text}` };
  return { error: 'other', message: text };
}

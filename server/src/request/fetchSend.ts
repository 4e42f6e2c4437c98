// Sends a rendered request with the browser's fetch: the transport of the web extension (vscode.dev,
// github.dev), where Node's http is not there. What a browser allows decides what can be sent:
// - a request to another origin goes out only if the service allows it (CORS); when it does not, fetch
//   fails with a bare TypeError that looks like any network failure, so the outcome says both;
// - some headers a page may not set (Host, Content-Length, User-Agent in Chromium…): fetch would drop
//   them silently, and what is shown would no longer be what is sent, so such a request is refused;
// - redirects are never followed (`manual`): a browser hides where they lead, and the credentials of a
//   request must not follow them anywhere;
// - the browser's own trust store decides TLS (no extra CA), and it adds headers of its own (Origin,
//   Sec-Fetch-*), as every browser request carries.
// One deadline covers the exchange and the body; the body is read up to a limit and cut there.
import type { RenderedRequest } from './render';
import { clampedTimeoutMs, type ReceivedResponse, type SendOptions, type SendOutcome } from './sendTypes';

/** Names a page may not set (the Fetch standard's forbidden request headers, and User-Agent, which Chromium keeps). */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** The headers of `request` a browser would not send as given, by name. */
export function headersABrowserWithholds(request: RenderedRequest): string[] {
  return request.headers.map((h) => h.name).filter((name) => {
    const lower = name.toLowerCase();
    return FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
  });
}

export async function fetchSend(request: RenderedRequest, options: SendOptions): Promise<SendOutcome> {
  const started = Date.now();
  const withheld = headersABrowserWithholds(request);
  if (withheld.length > 0) {
    return {
      kind: 'network-error',
      error: 'browser',
      message: `not sent from the browser: it does not let a page set ${withheld.join(', ')}, so the request would not go out as shown`,
      elapsedMs: 0,
    };
  }
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
  try {
    // `cache` is a browser's option (Node's fetch has no HTTP cache, and its types leave it out).
    const init: RequestInit & { cache: 'no-store' } = {
      method: request.method,
      headers: request.headers.map((h): [string, string] => [h.name, h.value]),
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    };
    const response = await fetch(request.url, init);
    if (response.type === 'opaqueredirect') {
      return {
        kind: 'network-error',
        error: 'browser',
        message: 'the service answered with a redirect, which a browser neither shows nor lets a page follow with its credentials',
        elapsedMs: Date.now() - started,
      };
    }
    const { body, truncated } = await readLimited(response, options.maxBodyBytes);
    const received: ReceivedResponse = {
      url: request.url,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers].map(([name, value]): [string, string] => [name.toLowerCase(), value]),
      body,
      truncated,
      redirects: [],
      elapsedMs: Date.now() - started,
    };
    return { kind: 'response', response: received };
  } catch (error) {
    const elapsedMs = Date.now() - started;
    if (timedOut) return { kind: 'network-error', error: 'timeout', message: `no complete answer within ${timeoutMs / 1000} s`, elapsedMs };
    if (options.signal?.aborted) return { kind: 'network-error', error: 'cancelled', message: 'cancelled', elapsedMs };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'network-error',
      error: 'browser',
      message: `the browser could not complete the request (${detail}): either ${originOf(request.url)} does not allow requests from this page's origin (CORS), or it cannot be reached; a browser does not say which`,
      elapsedMs,
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** The body up to `limit` bytes; the rest is not read (it may be endless). */
async function readLimited(response: Response, limit: number): Promise<{ body: Uint8Array; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { body: new Uint8Array(0), truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > limit) {
      truncated = true;
      await reader.cancel();
      break;
    }
  }
  const body = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, body.length - at);
    body.set(part, at);
    at += part.length;
    if (at >= body.length) break;
  }
  return { body, truncated };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the service';
  }
}
